import ConveneCore
import Foundation
import GRDB
import GRDBSQLite

extension ArchiveIndex {
    /// The words an excerpt holds: SQLite's `snippet` picks that many around the words found.
    static let excerptWords = 16

    /// How many places a search finds before it is read out on two cores: below that, opening the
    /// second reader costs about what it saves.
    static let placesWorthSplitting = 2_000

    /// Each connection's page cache while a common word is read out: the read-out meets each page
    /// of the texts once, in row order, so a cache beyond what it comes back to (the B-trees' upper
    /// pages) is only memory to fill. SQLite's 2 MiB a connection was a quarter of the search's
    /// page faults.
    static let readOutCache = "PRAGMA cache_size = -512"

    /// The places that hold every term of `query`, best matches first (BM25, `SearchRank`), each
    /// with its session and a few words either side; the best `limit` of them when given, so that
    /// the rest are neither read nor made into excerpts.
    public func search(_ query: SearchQuery, limit: Int? = nil) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        try search(query, limit: limit) { hits.append($0.hit) }
        return hits
    }

    /// The places `query` finds, best first, each handed to `each` as SQLite reads it out, its
    /// bytes where SQLite holds them: a long answer is printed as it comes, never held whole nor
    /// made into strings.
    public func search(_ query: SearchQuery, limit: Int? = nil, each: (FoundPlace) throws -> Void) throws {
        guard !query.isEmpty else { return }
        try database.read { db in
            try Self.places(query, in: db, rowids: Int64.min...Int64.max, matching: nil, limit: limit) { found, _ in try each(found) }
        }
    }

    /// The places `query` finds, best first, each written as a line by `line` and handed to `each`
    /// as those bytes.
    ///
    /// A word found in thousands of places is read out on both cores: the places before the
    /// middle one (by row) on this connection, the rest on a second reader, each half ranked and
    /// written on its own, then the two merged by rank. Both must read the same state of the
    /// index: should another connection change it meanwhile (`PRAGMA data_version` moves), the
    /// halves are dropped and the search read out again on this connection alone.
    public func search(_ query: SearchQuery, limit: Int? = nil, writing line: @escaping @Sendable (FoundPlace, inout [UInt8]) -> Void,
                       each: (ArraySlice<UInt8>) throws -> Void) throws {
        try search(query, limit: limit, writing: line, split: Split(), each: each)
    }

    /// When a search is read out on two cores, and what a test does between reading the halves
    /// and checking that they read the same index.
    struct Split {
        var fromPlaces = ArchiveIndex.placesWorthSplitting
        var beforeCheck: () throws -> Void = {}
    }

    func search(_ query: SearchQuery, limit: Int? = nil, writing line: @escaping @Sendable (FoundPlace, inout [UInt8]) -> Void,
                split: Split, each: (ArraySlice<UInt8>) throws -> Void) throws {
        guard !query.isEmpty else { return }
        if let (first, second) = try linesOnTwoCores(query, limit: limit, writing: line, split: split) {
            try WrittenLines.merged(first, second, limit: limit, each)
            return
        }
        var written: [UInt8] = []
        try search(query, limit: limit) { found in
            written.removeAll(keepingCapacity: true)
            line(found, &written)
            try each(written[...])
        }
    }

    /// `query`'s places read out and written in two halves at once; nil when that is not worth it
    /// (one core, an index in memory, fewer places than `placesWorthSplitting`) or cannot be
    /// trusted (the second reader failed, the index changed meanwhile).
    private func linesOnTwoCores(_ query: SearchQuery, limit: Int?, writing line: @escaping @Sendable (FoundPlace, inout [UInt8]) -> Void,
                                 split: Split) throws -> (WrittenLines, WrittenLines)? {
        guard ParallelChunks.workers > 1, let anotherReader else { return nil }
        return try database.writeWithoutTransaction { db -> (WrittenLines, WrittenLines)? in
            // Only for the read-out: this connection also brings the index up to date.
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: Self.readOutCache)
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            let before = try Self.dataVersion(db)
            let expression = query.ftsExpression
            let rows = try Self.rowsMatching(expression, in: db)
            let found = rows.count
            guard found >= split.fromPlaces, let middle = rows.dropFirst(found / 2).first, middle > Int64.min else { return nil }
            let (lowerPlaces, upperPlaces) = (found / 2, found - found / 2)
            let upper = Prefetched { () -> WrittenLines? in
                try? anotherReader().read { db in
                    try db.execute(sql: Self.readOutCache)
                    return try Self.lines(query, in: db, rowids: middle...Int64.max, matching: found, limit: limit, expecting: upperPlaces, writing: line)
                }
            }
            var lower = WrittenLines()
            try db.inTransaction(.deferred) {
                lower = try Self.lines(query, in: db, rowids: Int64.min...(middle - 1), matching: found, limit: limit, expecting: lowerPlaces, writing: line)
                return .commit
            }
            guard let higher = upper.value else { return nil }
            try split.beforeCheck()
            guard try Self.dataVersion(db) == before else { return nil }
            return (lower, higher)
        }
    }

    /// The rows of the places `expression` matches, in row order: counting them and finding the
    /// middle one walk only the full-text index, once. Read with SQLite's own calls: GRDB's
    /// generic cursor cost as much again as the walk, a word found in 9,000 places.
    private static func rowsMatching(_ expression: String, in db: Database) throws -> [Int64] {
        let statement = try db.makeStatement(sql: "SELECT rowid FROM passage WHERE passage MATCH ? ORDER BY rowid")
        var rows: [Int64] = []
        try statement.forEachRow([expression]) { rows.append(sqlite3_column_int64(statement.sqliteStatement, 0)) }
        return rows
    }

    /// What SQLite says of the file's state, on this connection: it moves whenever another
    /// connection commits a change.
    private static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    /// The lines of `query`'s places among `rowids` (about `expected` of them), best first. All
    /// of them are read in the order of their rows and then put in order here: SQLite's sorter
    /// copied every row, three texts each, to sort it. Only the best `limit` are left to SQLite
    /// to pick and order, so that the rest are not written.
    private static func lines(_ query: SearchQuery, in db: Database, rowids: ClosedRange<Int64>, matching: Int?, limit: Int?,
                              expecting expected: Int, writing line: (FoundPlace, inout [UInt8]) -> Void) throws -> WrittenLines {
        var lines = WrittenLines(places: min(expected, limit ?? .max))
        try places(query, in: db, rowids: rowids, matching: matching, limit: limit, ordered: limit != nil) { found, order in
            lines.append(order) { line(found, &$0) }
        }
        if limit == nil { lines.sort() }
        return lines
    }

    /// The places `query` finds among `rowids`, best first (in the order of their rows when not
    /// `ordered`), each handed to `each` with where it stands as SQLite reads it out.
    ///
    /// A text of no more words than an excerpt holds is its own excerpt, as `snippet` would give
    /// it: its size in words is read from FTS5's record of each text's length (`passage_docsize`,
    /// a varint per column, one byte below 128, copied into `text`), so `snippet` fetches and
    /// splits only the longer ones. Blobs compare byte by byte, the shorter first on a tie, so
    /// `sz <= x'10'` holds for one byte up to 16 and never for a longer varint (its first byte has
    /// the high bit set): no string made of every size to compare, as `hex` did. Each session's
    /// title is looked up once (`SessionTitles`), not joined to every place. `matching` is how
    /// many places the query finds in the whole index, when counted already: the ranking need not
    /// count them again. Rows are read with SQLite's own calls, by position, as selected.
    private static func places(_ query: SearchQuery, in db: Database, rowids: ClosedRange<Int64>, matching: Int?, limit: Int?,
                               ordered: Bool = true, each: (FoundPlace, PlaceOrder) throws -> Void) throws {
        let fewWords = String(format: "x'%02X'", excerptWords)
        let statement = try db.makeStatement(sql: """
            SELECT text.folder, text.place,
                   CASE WHEN text.sz <= \(fewWords) THEN text.body
                        ELSE snippet(passage, 0, '', '', '…', \(excerptWords)) END,
                   \(SearchRank.functionName)(passage, text.sz, ?) AS rank, passage.rowid
            FROM passage JOIN text ON text.id = passage.rowid
            WHERE passage MATCH ? AND passage.rowid BETWEEN ? AND ?
            \(ordered ? "ORDER BY rank, passage.rowid" : "") \(limit == nil ? "" : "LIMIT ?")
            """)
        // Without a limit, no LIMIT at all: with one, even -1, SQLite orders the rows by filing
        // each in a temporary B-tree (to keep only that many), where its sorter would sort them
        // as a list, in a fifth of the time.
        let arguments: StatementArguments = [matching, query.ftsExpression, rowids.lowerBound, rowids.upperBound]
        var titles = SessionTitles(db)
        // The places of one session often come one after another: its title is looked up
        // again only when the folder changes.
        var session: (folder: [UInt8], title: String?) = ([], nil)
        try statement.forEachRow(arguments + (limit.map { [$0] } ?? [])) {
            let folder = statement.text(column: 0)
            if !session.folder.elementsEqual(bytes: folder) {
                session = (Array(folder), try titles.title(of: folder))
            }
            // A text without its session's row is not counted either (`count`).
            guard let title = session.title else { return }
            let order = PlaceOrder(rank: sqlite3_column_double(statement.sqliteStatement, 3),
                                   rowid: sqlite3_column_int64(statement.sqliteStatement, 4))
            try each(FoundPlace(folder: folder, place: statement.text(column: 1), excerpt: statement.text(column: 2), title: title), order)
        }
    }
}
