import GRDB

/// The index's tables. One row per session (its summary for `list`, or why it does not load) and
/// one full-text row per searchable text (title, purpose, everything captured).
enum IndexSchema {
    /// Drops whatever an older version left and creates the tables of this one.
    static func create(in db: Database) throws {
        for table in ["passage", "text", "session"] { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
        try db.execute(sql: """
            CREATE TABLE session (
                folder TEXT PRIMARY KEY,
                -- the journal's size, modification time and inode, as JournalScan writes them
                signature TEXT NOT NULL,
                -- SessionSummary's fields, for `list` without reading the journal
                title TEXT NOT NULL,
                date TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL DEFAULT '',
                chathamHouse INTEGER NOT NULL DEFAULT 0,
                attendees INTEGER NOT NULL DEFAULT 0,
                points INTEGER NOT NULL DEFAULT 0,
                topics INTEGER NOT NULL DEFAULT 0,
                contexts INTEGER NOT NULL DEFAULT 0,
                series TEXT,
                ended INTEGER NOT NULL DEFAULT 0,
                -- its open actions and unanswered questions
                open INTEGER NOT NULL DEFAULT 0,
                -- why the session does not load; NULL when it does
                problem TEXT
            )
            """)
        // The texts, findable by session (to replace one session's without a scan), and their
        // full-text index over them (external content: the words are indexed, the text kept once),
        // kept in step by triggers. Words are folded for case and accents ("resume" finds "Résumé"),
        // as SearchQuery reads them. `sz` is FTS5's record of the text's length in words, copied
        // from `passage_docsize` once the text is indexed: a search ranks and excerpts every place
        // it finds by it, and reading it with the text spares a lookup in another table per place.
        try db.execute(sql: """
            CREATE TABLE text (id INTEGER PRIMARY KEY, folder TEXT NOT NULL, place TEXT NOT NULL, body TEXT NOT NULL, sz BLOB);
            CREATE INDEX text_by_folder ON text(folder);
            CREATE VIRTUAL TABLE passage USING fts5(body, content = 'text', content_rowid = 'id',
                                                   tokenize = 'unicode61 remove_diacritics 2');
            """)
        try createTriggers(in: db)
        try db.execute(sql: "PRAGMA user_version = \(ArchiveIndex.schemaVersion)")
    }

    /// What keeps the full-text index in step with `text`, row by row.
    static func createTriggers(in db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER text_added AFTER INSERT ON text BEGIN
                INSERT INTO passage (rowid, body) VALUES (new.id, new.body);
                UPDATE text SET sz = (SELECT sz FROM passage_docsize WHERE id = new.id) WHERE id = new.id;
            END;
            CREATE TRIGGER text_removed AFTER DELETE ON text BEGIN
                INSERT INTO passage (passage, rowid, body) VALUES ('delete', old.id, old.body);
            END;
            """)
    }

    /// Fills an empty index in one pass: rows in without the triggers, then the full-text index
    /// built over all of them at once, several times faster than row by row. In one transaction,
    /// so no reader or other updater ever sees the rows without their index.
    static func fillEmpty(in db: Database, with entries: [IndexEntry]) throws {
        try db.execute(sql: "DROP TRIGGER text_added; DROP TRIGGER text_removed")
        for entry in entries { try entry.store(in: db) }
        try db.execute(sql: "INSERT INTO passage (passage) VALUES ('rebuild')")
        try db.execute(sql: "UPDATE text SET sz = size.sz FROM passage_docsize AS size WHERE size.id = text.id")
        try createTriggers(in: db)
    }
}
