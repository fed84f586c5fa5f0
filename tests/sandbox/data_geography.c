/*
 * Countries (/v2/countries) and their states (/v2/countries/states for all of them,
 * /v2/countries/{id}/states per country; parent_id = country id). Some countries have none.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

typedef struct country_info {
    const char *name, *iso2, *iso3;
    const char *states[3][2]; /* name, abbreviation */
    int nstates;
} country_info;

static const country_info countries[] = {
    {"Åland Islands", "AX", "ALA", {{"", ""}}, 0},
    {"Canada", "CA", "CAN", {{"Québec", "QC"}, {"Ontario", "ON"}}, 2},
    {"Côte d'Ivoire", "CI", "CIV", {{"", ""}}, 0},
    {"Germany", "DE", "DEU", {{"Bayern", "BY"}}, 1},
    {"Japan", "JP", "JPN", {{"東京都", "13"}}, 1},
    {"United States", "US", "USA", {{"California", "CA"}, {"New York", "NY"}, {"Texas", "TX"}}, 3},
};
enum { COUNTRY_COUNT = (int)(sizeof countries / sizeof countries[0]) };

static cJSON *country_json(const sb_config *cfg, long id)
{
    const country_info *c = &countries[id - 1];
    char resource[64], url[200];
    snprintf(resource, sizeof resource, "/countries/%ld/states", id);
    snprintf(url, sizeof url, "https://api.bigcommerce.com/stores/%s/v2%s", cfg->store_hash,
             resource);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "country", c->name);
    sb_add_str(o, "country_iso2", c->iso2);
    sb_add_str(o, "country_iso3", c->iso3);
    cJSON *s = sb_add_obj(o, "states");
    sb_add_str(s, "url", url);
    sb_add_str(s, "resource", resource);
    return o;
}

static cJSON *state_json(long id, long country, int k)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "state", countries[country - 1].states[k][0]);
    sb_add_str(o, "state_abbreviation", countries[country - 1].states[k][1]);
    sb_add_num(o, "country_id", (double)country);
    return o;
}

int sb_gen_geography(const sb_config *cfg, sb_store *st)
{
    long next_state = 1;
    for (long id = 1; id <= COUNTRY_COUNT; id++) {
        if (sb_resource_add(&st->res[SB_RES_COUNTRIES], id, 0, country_json(cfg, id)) != 0)
            return -1;
        for (int k = 0; k < countries[id - 1].nstates; k++, next_state++)
            if (sb_resource_add(&st->res[SB_RES_STATES], next_state, id,
                                state_json(next_state, id, k)) != 0)
                return -1;
    }
    return 0;
}
