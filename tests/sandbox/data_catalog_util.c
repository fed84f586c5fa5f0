/* Helpers shared by the catalog-area generators (see data_catalog.h). */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

int sb_gen_per_parent(const sb_config *cfg, sb_resource *out, long nparents, unsigned tag, int max,
                      sb_child_fn fn)
{
    long id = 0;
    for (long pid = 1; pid <= nparents; pid++) {
        int n = (int)sb_rand_range(cfg->seed, tag, pid, 0, 0, max);
        for (int k = 0; k < n; k++) {
            id++;
            if (sb_resource_add(out, id, pid, fn(cfg, pid, id, k)) != 0)
                return -1;
        }
    }
    return 0;
}

void sb_add_iso_date(cJSON *o, const char *key, const sb_config *cfg, unsigned tag, long id)
{
    char iso[40];
    sb_fmt_iso(iso, sizeof iso, sb_epoch_for(cfg->seed, tag, id));
    sb_add_str(o, key, iso);
}

cJSON *sb_metafield_json(const sb_config *cfg, unsigned tag, const char *type, long owner, long id,
                         int k)
{
    static const char *const keys[] = {"warehouse_code", "erp_id", "colour_hex", "note"};
    static const char *const perms[] = {"app_only", "read", "write", "read_and_sf_access"};
    char value[64];
    cJSON *o = cJSON_CreateObject();
    if (k % 4 == 3)
        snprintf(value, sizeof value, "Überprüft – %s %ld", type, owner);
    else
        snprintf(value, sizeof value, "%s-%ld", keys[k % 4], owner);
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "key", keys[k % 4]);
    sb_add_str(o, "value", value);
    sb_add_str(o, "namespace", k % 2 ? "App Namespace" : "erp");
    sb_add_str(o, "permission_set", sb_pick(perms, COUNT_OF(perms), cfg->seed, tag, id, 1));
    sb_add_str(o, "description", "Synced from the ERP.");
    sb_add_str(o, "resource_type", type);
    sb_add_num(o, "resource_id", (double)owner);
    sb_add_iso_date(o, "date_created", cfg, tag, id);
    sb_add_iso_date(o, "date_modified", cfg, tag + 100, id);
    sb_add_str(o, "owner_client_id", "sandbox-app");
    return o;
}
