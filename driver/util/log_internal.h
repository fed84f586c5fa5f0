/*
 * Redaction used by the log (and available to anyone who must show text that may hold a
 * secret). Both return a malloc'd copy the caller frees, or NULL on allocation failure.
 */
#ifndef BC_LOG_INTERNAL_H
#define BC_LOG_INTERNAL_H

/* s with every occurrence of secret that no letter or digit touches replaced by "****" (a
 * secret inside a longer word is not that secret). */
char *bc_redact_literal(const char *s, const char *secret);
/* s with the values of secret-bearing fields replaced by "****": headers
 * ("X-Auth-Token: v", "Authorization: v"), query/form parameters
 * ("access_token=v", "client_secret=v", "code=v", "refresh_token=v") and JSON members
 * ("access_token": "v" ...). */
char *bc_redact_fields(const char *s);

#endif
