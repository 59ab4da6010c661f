#ifndef CLOUDQL_CSQLITE_SHIM_H
#define CLOUDQL_CSQLITE_SHIM_H

#include <sqlite3.h>

/// A virtual table instance: SQLite's header first, then an opaque pointer to the
/// retained Swift object that implements it.
typedef struct cloudql_vtab {
    sqlite3_vtab base;
    void *_Nullable object;
} cloudql_vtab;

/// A virtual table cursor laid out the same way.
typedef struct cloudql_vtab_cursor {
    sqlite3_vtab_cursor base;
    void *_Nullable object;
} cloudql_vtab_cursor;

/// sqlite3_vtab_config is variadic and so not callable from Swift.
static inline int cloudql_vtab_config_innocuous(sqlite3 *_Nonnull db) {
    return sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
}

/// SQLite's own allocator, so SQLite can free error messages we hand it.
static inline char *_Nullable cloudql_strdup(const char *_Nonnull text) {
    return sqlite3_mprintf("%s", text);
}

#endif
