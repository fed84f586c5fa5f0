/* Replies under construction and the API's two error shapes (v2 array, v3 problem object). */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

int sb_reply_set(sb_reply *rp, unsigned status, const char *ctype, char *body, size_t len)
{
    free(rp->body);
    rp->body = body;
    rp->len = body ? len : 0;
    rp->status = body ? status : 500;
    rp->content_type = ctype;
    return body ? 0 : -1;
}

int sb_reply_json(sb_reply *rp, unsigned status, cJSON *doc)
{
    char *s = doc ? cJSON_PrintUnformatted(doc) : NULL;
    cJSON_Delete(doc);
    if (!s)
        return sb_reply_set(rp, 500, "application/json", NULL, 0);
    /* cJSON's allocator is malloc unless hooks are installed, which the sandbox never does */
    return sb_reply_set(rp, status, "application/json", s, strlen(s));
}

cJSON *sb_v3_problem(unsigned status, const char *title)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "status", status);
    sb_add_str(o, "title", title);
    sb_add_str(o, "type",
               "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes");
    return o;
}

int sb_reply_v3_problem(sb_reply *rp, unsigned status, const char *title, cJSON *errors)
{
    cJSON *o = sb_v3_problem(status, title);
    if (errors)
        cJSON_AddItemToObject(o, "errors", errors);
    else
        sb_add_obj(o, "errors");
    if (sb_json_failed()) {
        cJSON_Delete(o);
        o = NULL;
    }
    return sb_reply_json(rp, status, o);
}

int sb_reply_v3_error(sb_reply *rp, unsigned status, const char *title)
{
    return sb_reply_v3_problem(rp, status, title, NULL);
}

int sb_reply_v2_error(sb_reply *rp, unsigned status, const char *message)
{
    cJSON *arr = cJSON_CreateArray();
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "status", status);
    sb_add_str(o, "message", message);
    sb_arr_push(arr, o);
    if (sb_json_failed()) {
        cJSON_Delete(arr);
        arr = NULL;
    }
    return sb_reply_json(rp, status, arr);
}

void sb_reply_free(sb_reply *rp)
{
    free(rp->body);
    free(rp->location);
    rp->body = rp->location = NULL;
}
