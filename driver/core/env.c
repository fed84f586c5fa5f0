/* The environment handle: the ODBC version the application declared, pooling attributes. */
#include <stdlib.h>
#include "bc_handles.h"

SQLRETURN bc_env_alloc(bc_env **out)
{
    bc_env *env = calloc(1, sizeof *env);

    if (env == NULL)
        return SQL_ERROR;
    bc_handle_init(&env->h, SQL_HANDLE_ENV, NULL);
    /* An application must set SQL_ATTR_ODBC_VERSION; until it does, behave as ODBC 3. */
    env->odbc_version = SQL_OV_ODBC3;
    env->connection_pooling = SQL_CP_OFF;
    env->cp_match = SQL_CP_STRICT_MATCH;
    env->output_nts = SQL_TRUE;
    *out = env;
    return SQL_SUCCESS;
}

SQLRETURN bc_env_free(bc_env *env)
{
    if (env->dbcs != NULL)
        return bc_diag_push(&env->h.diag, "HY010", 0,
                            "The environment still has connections; free them first.");
    pthread_mutex_unlock(&env->h.lock);
    bc_handle_destroy(&env->h);
    free(env);
    return SQL_SUCCESS;
}

SQLRETURN bc_env_set_attr(bc_env *env, SQLINTEGER attr, SQLPOINTER value)
{
    SQLINTEGER v = (SQLINTEGER)(SQLLEN)value;

    switch (attr) {
    case SQL_ATTR_ODBC_VERSION:
        if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
            return bc_diag_push(&env->h.diag, "HY024", 0,
                                "SQL_ATTR_ODBC_VERSION must be SQL_OV_ODBC2, SQL_OV_ODBC3 or "
                                "SQL_OV_ODBC3_80.");
        env->odbc_version = v;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_POOLING:
        env->connection_pooling = v;
        return SQL_SUCCESS;
    case SQL_ATTR_CP_MATCH:
        env->cp_match = v;
        return SQL_SUCCESS;
    case SQL_ATTR_OUTPUT_NTS:
        if (v != SQL_TRUE)
            return bc_diag_push(&env->h.diag, "HYC00", 0,
                                "Strings are always null-terminated; SQL_ATTR_OUTPUT_NTS "
                                "cannot be turned off.");
        return SQL_SUCCESS;
    default:
        return bc_diag_push(&env->h.diag, "HY092", 0, "Environment attribute %d is not supported.",
                            (int)attr);
    }
}

SQLRETURN bc_env_get_attr(bc_env *env, SQLINTEGER attr, SQLPOINTER value)
{
    SQLINTEGER v;

    switch (attr) {
    case SQL_ATTR_ODBC_VERSION:
        v = env->odbc_version;
        break;
    case SQL_ATTR_CONNECTION_POOLING:
        v = env->connection_pooling;
        break;
    case SQL_ATTR_CP_MATCH:
        v = env->cp_match;
        break;
    case SQL_ATTR_OUTPUT_NTS:
        v = env->output_nts;
        break;
    default:
        return bc_diag_push(&env->h.diag, "HY092", 0, "Environment attribute %d is not supported.",
                            (int)attr);
    }
    if (value != NULL)
        *(SQLINTEGER *)value = v;
    return SQL_SUCCESS;
}
