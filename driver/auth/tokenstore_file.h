/*
 * File side of the token store: reading, locking and atomic replacement of the settings
 * file. Internal to driver/auth/.
 */
#ifndef BC_TOKENSTORE_FILE_H
#define BC_TOKENSTORE_FILE_H

#include "auth_internal.h"

/* Whole file into *text (caller frees). 1 read, 0 no such file (*text NULL), -1 err. */
int bc_tsfile_read(const char *path, char **text, bc_error *err);
/* Take the exclusive lock on "<path>.lock" (created 0600 with the directories, 0700).
 * Returns the lock's fd or -1 with err. */
int bc_tsfile_lock(const char *path, bc_error *err);
void bc_tsfile_unlock(int fd);
/* Replace path with text: temp file in the same directory (0600), fsync, rename, fsync of
 * the directory. 0 or -1 with err. */
int bc_tsfile_write(const char *path, const char *text, bc_error *err);

#endif
