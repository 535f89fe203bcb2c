#ifndef CONVENE_CSQLITESETUP_SHIM_H
#define CONVENE_CSQLITESETUP_SHIM_H

// SQLite's process-wide settings, which it takes through a variadic function Swift cannot call.
#include <sqlite3.h>

/// Stops SQLite counting the memory it holds. The count (on by default in Debian's build) takes
/// one lock for the whole process on every allocation: two connections reading a search out at
/// once on two cores spent their time waiting on each other for it. Only heeded before SQLite
/// starts (its first connection); after that SQLite refuses it and nothing changes.
static inline int convene_sqlite_without_memory_count(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
