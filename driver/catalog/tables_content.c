/*
 * Storefront content: blog posts and tags, pages and redirects (store_content.v2.yml,
 * pages.v3.yml, redirects.v3.yml). Blog tags have no id: the tag text is the key.
 */
#include "bc_catalog.h"

static const bc_column_def blog_posts_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "ID of this blog post."},
    {.name = "title", .type = BC_COL_VARCHAR, .description = "Title of this blog post."},
    {.name = "url", .type = BC_COL_VARCHAR, .description = "URL for the public blog post."},
    {.name = "preview_url", .type = BC_COL_VARCHAR, .description = "URL to preview the blog post."},
    {.name = "body", .type = BC_COL_LONGTEXT, .description = "Text body of the blog post."},
    {.name = "tags", .type = BC_COL_JSON, .description = "Tags to characterize the blog post."},
    {.name = "summary", .type = BC_COL_LONGTEXT, .description = "Summary of the blog post."},
    {.name = "is_published",
     .type = BC_COL_BIT,
     .description = "Whether the blog post is published."},
    {.name = "published_date",
     .type = BC_COL_JSON,
     .description = "Published date as an object: date, timezone and timezone type."},
    {.name = "published_date_iso8601",
     .type = BC_COL_TIMESTAMP,
     .description = "Published date in ISO 8601 format."},
    {.name = "meta_description",
     .type = BC_COL_VARCHAR,
     .description = "Description text for this blog post’s <meta/> element."},
    {.name = "meta_keywords",
     .type = BC_COL_VARCHAR,
     .description = "Keywords for this blog post’s <meta/> element."},
    {.name = "author", .type = BC_COL_VARCHAR, .description = "Name of the blog post’s author."},
    {.name = "thumbnail_path",
     .type = BC_COL_VARCHAR,
     .description = "Local path to a thumbnail uploaded to /product_images/ using WebDAV."},
};

const bc_table_def bc_table_blog_posts = {
    .name = "Blogposts",
    .endpoint = "/v2/blog/posts",
    .version = BC_API_V2,
    .paging = BC_PAGING_V2,
    .is_view = true,
    .count_endpoint = "/v2/blog/posts/count",
    .id_path_endpoint = "/v2/blog/posts/{id}",
    .columns = blog_posts_columns,
    .ncolumns = (int)(sizeof blog_posts_columns / sizeof blog_posts_columns[0]),
    .description = "Posts of the store's blog.",
};

/* The reference nests the tag object one array too deep (blogTags is itself an array);
 * the rows are its items: {tag, post_ids}. */
static const bc_column_def blog_tags_columns[] = {
    {.name = "tag",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The tag text."},
    {.name = "post_ids",
     .type = BC_COL_JSON,
     .description = "IDs of the blog posts that carry the tag."},
};

const bc_table_def bc_table_blog_tags = {
    .name = "BlogTags",
    .endpoint = "/v2/blog/tags",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .columns = blog_tags_columns,
    .ncolumns = (int)(sizeof blog_tags_columns / sizeof blog_tags_columns[0]),
    .description = "Tags used by the blog posts.",
};

static const bc_column_def pages_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .description = "The ID of the page."},
    {.name = "channel_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "channel_id",
     .description = "The ID of the channel where the page is shown."},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_NOT_NULL,
     .description = "The name of the page."},
    {.name = "is_visible",
     .type = BC_COL_BIT,
     .description = "A boolean value that controls whether the page is available to users or "
                    "visible in any navigation menus."},
    {.name = "parent_id", .type = BC_COL_INTEGER, .description = "ID of the parent page, if any."},
    {.name = "sort_order",
     .type = BC_COL_INTEGER,
     .description =
         "Determines the order in which the page is displayed in the parent page’s menu."},
    {.name = "type",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_NOT_NULL,
     .description = "Determines the type of page."},
    {.name = "is_homepage",
     .type = BC_COL_BIT,
     .description = "Determines whether this page loads at the siteʼs root route."},
    {.name = "is_customers_only",
     .type = BC_COL_BIT,
     .description = "When true, this page is visible only to logged-in customers."},
    {.name = "url",
     .type = BC_COL_VARCHAR,
     .description = "Relative URL on the storefront for this page."},
    {.name = "meta_title",
     .type = BC_COL_VARCHAR,
     .description = "Title of the page for search engines."},
    {.name = "meta_keywords",
     .type = BC_COL_VARCHAR,
     .description =
         "Comma-separated list of SEO-relevant keywords to include in the element of this page."},
    {.name = "meta_description",
     .type = BC_COL_VARCHAR,
     .description = "Description contained within the element of this page."},
    {.name = "search_keywords",
     .type = BC_COL_VARCHAR,
     .description = "Comma-separated list of keywords that shoppers can use to locate this page "
                    "when searching the store."},
};

const bc_table_def bc_table_pages = {
    .name = "Pages",
    .endpoint = "/v3/content/pages",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .columns = pages_columns,
    .ncolumns = (int)(sizeof pages_columns / sizeof pages_columns[0]),
    .description = "Web pages of the storefronts.",
};

static const bc_column_def redirects_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .description = "The ID of the redirect."},
    {.name = "site_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "site_id",
     .description = "The ID of the site the redirect belongs to."},
    {.name = "from_path",
     .type = BC_COL_VARCHAR,
     .description = "The path the redirect applies to."},
    {.name = "to",
     .type = BC_COL_JSON,
     .description = "Destination of the redirect: type, entity ID or URL."},
    {.name = "to_url",
     .include = "to_url",
     .type = BC_COL_VARCHAR,
     .description = "Full destination URL for the redirect."},
};

const bc_table_def bc_table_redirects = {
    .name = "Redirects",
    .endpoint = "/v3/storefront/redirects",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .columns = redirects_columns,
    .ncolumns = (int)(sizeof redirects_columns / sizeof redirects_columns[0]),
    .description = "301 redirects of the storefronts.",
};
