/*
 * Storefront content: blog posts and tags, pages and redirects (store_content.v2.yml,
 * pages.v3.yml, redirects.v3.yml). Blog tags have no id: the tag text is the key.
 */
#include "bc_catalog.h"

static const bc_column_def blog_posts_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the blog post"},
    {.name = "title", .type = BC_COL_VARCHAR, .description = "Title"},
    {.name = "url", .type = BC_COL_VARCHAR, .description = "Path of the post on the storefront"},
    {.name = "preview_url", .type = BC_COL_VARCHAR, .description = "Address to preview the post"},
    {.name = "body", .type = BC_COL_LONGTEXT, .description = "Post text (HTML)"},
    {.name = "tags", .type = BC_COL_JSON, .description = "Tags (JSON)"},
    {.name = "summary", .type = BC_COL_LONGTEXT, .description = "Short summary"},
    {.name = "is_published", .type = BC_COL_BIT, .description = "Visible on the storefront"},
    {.name = "published_date", .type = BC_COL_JSON, .description = "When it was published"},
    {.name = "published_date_iso8601",
     .type = BC_COL_TIMESTAMP,
     .description = "Publication date as ISO 8601 text"},
    {.name = "meta_description",
     .type = BC_COL_VARCHAR,
     .description = "Description for search engines"},
    {.name = "meta_keywords", .type = BC_COL_VARCHAR, .description = "Keywords for search engines"},
    {.name = "author", .type = BC_COL_VARCHAR, .description = "Author name"},
    {.name = "thumbnail_path", .type = BC_COL_VARCHAR, .description = "Thumbnail image path"},
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
     .description = "Tag text"},
    {.name = "post_ids", .type = BC_COL_JSON, .description = "Ids of the posts carrying it (JSON)"},
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
     .description = "Id of the page"},
    {.name = "channel_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "channel_id",
     .description = "Channel whose storefront shows it"},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 100,
     .flags = BC_COLF_NOT_NULL,
     .description = "Name of the page"},
    {.name = "is_visible", .type = BC_COL_BIT, .description = "Shown on the storefront"},
    {.name = "parent_id",
     .type = BC_COL_INTEGER,
     .description = "Parent it sits under (0 at the top)"},
    {.name = "sort_order", .type = BC_COL_INTEGER, .description = "Position in sorted lists"},
    {.name = "type",
     .type = BC_COL_VARCHAR,
     .length = 12,
     .flags = BC_COLF_NOT_NULL,
     .description = "page, raw, contact_form, feed, link or blog"},
    {.name = "is_homepage",
     .type = BC_COL_BIT,
     .description = "Serves as the storefront's home page"},
    {.name = "is_customers_only",
     .type = BC_COL_BIT,
     .description = "Shown only to signed-in customers"},
    {.name = "url", .type = BC_COL_VARCHAR, .description = "Path of the page"},
    {.name = "meta_title", .type = BC_COL_VARCHAR, .description = "Title for search engines"},
    {.name = "meta_keywords", .type = BC_COL_VARCHAR, .description = "Keywords for search engines"},
    {.name = "meta_description",
     .type = BC_COL_VARCHAR,
     .description = "Description for search engines"},
    {.name = "search_keywords",
     .type = BC_COL_VARCHAR,
     .description = "Extra words the storefront search matches"},
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
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL | BC_COLF_SORTABLE,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .filter_min = "id:min",
     .filter_max = "id:max",
     .sort_param = "id",
     .description = "Id of the redirect"},
    {.name = "site_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_SORTABLE,
     .filter_eq = "site_id",
     .sort_param = "site_id",
     .description = "Site it applies to"},
    {.name = "from_path", .type = BC_COL_VARCHAR, .description = "Path that is redirected"},
    {.name = "to",
     .type = BC_COL_JSON,
     .description = "Where it leads: a product, category, page, post or URL (JSON)"},
    {.name = "to_url",
     .include = "to_url",
     .type = BC_COL_VARCHAR,
     .description = "Full address it leads to"},
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
