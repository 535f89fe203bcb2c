import CSQLiteSetup

/// What this process asks of SQLite before its first connection opens.
enum SQLiteSetup {
    /// Done once, before the first connection: every path to the index reads this first.
    static let done: Void = {
        // Refused (SQLITE_MISUSE) once SQLite has started: the count then stays, and a search read
        // out on two cores is only slower.
        _ = convene_sqlite_without_memory_count()
    }()
}
