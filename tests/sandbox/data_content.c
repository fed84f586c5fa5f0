/*
 * Storefront content: blog posts (/v2/blog/posts), the tags they use (/v2/blog/tags, built
 * from the posts so post_ids are exact), pages (/v3/content/pages) and redirects
 * (/v3/storefront/redirects, on the sites of data_channels.c).
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_POST = 50, POST_COUNT = 5, PAGE_COUNT = 4, REDIRECT_COUNT = 3 };

static const char *const post_titles[POST_COUNT] = {
    "Welcome to the Sandbox Boutique", "Herbstkollektion 2025", "Les nouveautés de l'été",
    "新商品のお知らせ", "Care guide for wool 🧶"};
static const char *const tag_names[] = {"News", "Mode", "Guides"};
enum { TAG_COUNT = (int)(sizeof tag_names / sizeof tag_names[0]) };

/* Post id carries tag t when this holds: post 5 has no tags. */
static int post_has_tag(long post, int t)
{
    return post != POST_COUNT && (post + t) % 2 == 0;
}

static cJSON *post_json(const sb_config *cfg, long id)
{
    char url[64], body[160], iso[40], date[40];
    long long t = sb_epoch_for(cfg->seed, TAG_POST, id);
    snprintf(url, sizeof url, "/blog/post-%ld/", id);
    snprintf(body, sizeof body, "<p>%s — read on.</p>", post_titles[id - 1]);
    sb_fmt_iso(iso, sizeof iso, t);
    snprintf(date, sizeof date, "%.10s %.8s.000000", iso, iso + 11);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "title", post_titles[id - 1]);
    sb_add_str(o, "url", url);
    sb_add_str(o, "preview_url", url);
    sb_add_str(o, "body", body);
    cJSON *tags = sb_add_arr(o, "tags");
    for (int k = 0; k < TAG_COUNT; k++)
        if (post_has_tag(id, k))
            sb_arr_push(tags, cJSON_CreateString(tag_names[k]));
    sb_add_str(o, "summary", post_titles[id - 1]);
    sb_add_bool(o, "is_published", id != 4);
    cJSON *pd = sb_add_obj(o, "published_date");
    sb_add_num(pd, "timezone_type", 1);
    sb_add_str(pd, "date", date);
    sb_add_str(pd, "timezone", "+00:00");
    sb_add_str(o, "published_date_iso8601", iso);
    sb_add_str(o, "meta_description", "");
    sb_add_str(o, "meta_keywords", "");
    sb_add_str(o, "author", id % 2 ? "Jane Doe" : "Zoë Ørsted");
    sb_add_str(o, "thumbnail_path", "");
    return o;
}

static cJSON *tag_json(int t)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "tag", tag_names[t]);
    cJSON *ids = sb_add_arr(o, "post_ids");
    for (long p = 1; p <= POST_COUNT; p++)
        if (post_has_tag(p, t))
            sb_arr_push(ids, cJSON_CreateNumber((double)p));
    return o;
}

static cJSON *page_json(long id)
{
    static const char *const names[PAGE_COUNT] = {"About us", "Contact", "Versand & Rückgabe",
                                                  "Members only"};
    static const char *const urls[PAGE_COUNT] = {"/about-us/", "/contact/", "/versand/",
                                                 "/members/"};
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "channel_id", 1);
    sb_add_str(o, "name", names[id - 1]);
    sb_add_bool(o, "is_visible", id != 4);
    sb_add_num(o, "parent_id", id == 3 ? 1 : 0);
    sb_add_num(o, "sort_order", (double)id);
    sb_add_str(o, "type", id == 2 ? "contact_form" : "page");
    sb_add_bool(o, "is_homepage", 0);
    sb_add_bool(o, "is_customers_only", id == 4);
    sb_add_str(o, "url", urls[id - 1]);
    sb_add_str(o, "meta_title", names[id - 1]);
    sb_add_str(o, "meta_keywords", "");
    sb_add_str(o, "meta_description", "");
    sb_add_str(o, "search_keywords", "");
    return o;
}

static cJSON *redirect_json(long id)
{
    static const char *const from[REDIRECT_COUNT] = {"/old-about", "/alte-seite", "/cafe-menu"};
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "site_id", id == 3 ? 1001 : 1000);
    sb_add_str(o, "from_path", from[id - 1]);
    cJSON *to = sb_add_obj(o, "to");
    sb_add_str(to, "type", id == 3 ? "url" : "page");
    sb_add_num(to, "entity_id", id == 3 ? 0 : (double)id);
    sb_add_str(to, "url", id == 3 ? "https://example.com/menu" : "");
    sb_add_str(o, "to_url",
               id == 3 ? "https://example.com/menu" : "https://sandbox.example/about-us/");
    return o;
}

int sb_gen_content(const sb_config *cfg, sb_store *st)
{
    for (long id = 1; id <= POST_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_BLOG_POSTS], id, 0, post_json(cfg, id)) != 0)
            return -1;
    for (int t = 0; t < TAG_COUNT; t++)
        if (sb_resource_add(&st->res[SB_RES_BLOG_TAGS], t + 1, 0, tag_json(t)) != 0)
            return -1;
    for (long id = 1; id <= PAGE_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_PAGES], id, 0, page_json(id)) != 0)
            return -1;
    for (long id = 1; id <= REDIRECT_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_REDIRECTS], id, 0, redirect_json(id)) != 0)
            return -1;
    return 0;
}
