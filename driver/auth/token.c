/* bc_token helpers shared by the flows and the token store. */
#include <stdlib.h>
#include "auth_internal.h"

void bc_token_free(bc_token *t)
{
    if (t == NULL)
        return;
    free(t->access_token);
    free(t->refresh_token);
    free(t->scope);
    free(t->context);
    t->access_token = t->refresh_token = t->scope = t->context = NULL;
    t->expires_at = 0;
}

bool bc_token_expired(const bc_token *t, long long now)
{
    return t->expires_at != 0 && now >= t->expires_at;
}
