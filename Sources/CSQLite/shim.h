#include <sqlite3.h>

/// SQLITE_TRANSIENT (a cast of -1 to a destructor pointer), which Swift cannot spell: SQLite copies the bytes bound.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
