/*
 * ODBCINSTGetProperties: the DSN keys a unixODBC configuration tool (ODBCConfig, odbcinst's
 * property editors) shows for this driver, built from bc_prop_defs so the dialog can never
 * drift from what the driver reads.
 *
 * Memory: odbcinst owns every node we append and frees it with free(), together with
 * aPromptData and pszHelp (free() on the array only, not its elements). So each property's
 * choices live in one block: the pointer array followed by the strings it points into.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <odbcinstext.h>
#include "bc_props.h"

static const char *const bool_choices = "true,false";

/* A NULL-terminated array of the comma-separated tokens of list, in one allocation. */
static char **choice_block(const char *list)
{
    size_t n = 1;
    for (const char *s = list; *s != '\0'; s++)
        n += *s == ',';
    size_t text = strlen(list) + 1;
    char **arr = malloc((n + 1) * sizeof *arr + text);
    if (arr == NULL)
        return NULL;
    char *copy = (char *)(arr + n + 1);
    memcpy(copy, list, text);
    size_t i = 0;
    for (char *tok = copy; tok != NULL; i++) {
        arr[i] = tok;
        tok = strchr(tok, ',');
        if (tok != NULL)
            *tok++ = '\0';
    }
    arr[i] = NULL;
    return arr;
}

static int prompt_type(const bc_prop_def *def)
{
    if (def->type == BC_PROP_ENUM || def->type == BC_PROP_BOOL)
        return ODBCINST_PROMPTTYPE_LISTBOX;
    if (def->secret)
        return ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD;
    if (def->flags & BC_PROP_F_FILE)
        return ODBCINST_PROMPTTYPE_FILENAME;
    return ODBCINST_PROMPTTYPE_TEXTEDIT;
}

static HODBCINSTPROPERTY new_property(const bc_prop_def *def)
{
    HODBCINSTPROPERTY prop = calloc(1, sizeof *prop);
    if (prop == NULL)
        return NULL;
    snprintf(prop->szName, sizeof prop->szName, "%s", def->name);
    snprintf(prop->szValue, sizeof prop->szValue, "%s",
             def->default_value ? def->default_value : "");
    prop->nPromptType = prompt_type(def);
    prop->pszHelp = strdup(def->description);
    if (def->type == BC_PROP_ENUM || def->type == BC_PROP_BOOL)
        prop->aPromptData = choice_block(def->type == BC_PROP_ENUM ? def->values : bool_choices);
    if (prop->pszHelp == NULL ||
        (prop->nPromptType == ODBCINST_PROMPTTYPE_LISTBOX && prop->aPromptData == NULL)) {
        free(prop->pszHelp);
        free(prop->aPromptData);
        free(prop);
        return NULL;
    }
    return prop;
}

/* Called by odbcinst with the last of the properties it already made (Name, Description,
 * Driver); we append ours. Returns 1, or 0 when memory ran out (the nodes appended so far
 * stay linked, so odbcinst still frees them). */
int ODBCINSTGetProperties(HODBCINSTPROPERTY hLastProperty)
{
    if (hLastProperty == NULL)
        return 0;
    while (hLastProperty->pNext != NULL)
        hLastProperty = hLastProperty->pNext;
    for (int i = 0; i < bc_prop_def_count; i++) {
        if (bc_prop_defs[i].flags & BC_PROP_F_DM)
            continue;
        HODBCINSTPROPERTY prop = new_property(&bc_prop_defs[i]);
        if (prop == NULL)
            return 0;
        hLastProperty->pNext = prop;
        hLastProperty = prop;
    }
    return 1;
}
