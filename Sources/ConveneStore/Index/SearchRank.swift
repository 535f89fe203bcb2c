import Foundation
import GRDB
import GRDBSQLite

/// The order of a search's places: FTS5's BM25 score, computed as its built-in `bm25` computes it,
/// but from the text's length the query already reads (`text.sz`, FTS5's `passage_docsize` record
/// copied beside the text) instead of asking FTS5 for it row by row. FTS5 answers `xColumnSize`
/// with a statement of its own for every row, which is most of what ranking a common word costs
/// (18 of 25 ms over 9,000 places).
///
/// Used as `convene_rank(passage, text.sz, rows)`: lower is better, as `bm25` gives it.
/// `rows` is how many rows the whole query matches when the caller has counted them already, else
/// NULL: for a query of one phrase that is the phrase's own count, which FTS5 would otherwise find
/// by reading every row that holds it again (a fifth of ranking a word found in 9,000 places, paid
/// by each half of a search read out on two cores).
enum SearchRank {
    static let functionName = "convene_rank"

    /// BM25's constants, FTS5's own: how soon repeating a word stops adding, and how much a
    /// long text is held against.
    static let k1 = 1.2
    static let b = 0.75

    /// Adds the function to the connection `db`. Throws when SQLite has no FTS5: the index cannot
    /// be made then either, and searches read the journals.
    static func register(in db: Database) throws {
        guard let api = fts5API(db) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "SQLite was built without full-text search (FTS5)")
        }
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), functionName, nil, rank, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot add the search ranking to SQLite")
        }
    }

    /// FTS5's extension interface, as its manual says to ask for it, or nil without FTS5.
    /// (GRDB's `FTS5.api` stops the program instead.)
    private static func fts5API(_ db: Database) -> UnsafePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?)", -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        withUnsafeMutablePointer(to: &api) { slot in
            _ = sqlite3_bind_pointer(statement, 1, slot, "fts5_api_ptr", nil)
            _ = sqlite3_step(statement)
        }
        return api
    }

    /// What one query's ranking needs once: each phrase's rarity (IDF) and the average text length.
    private final class QueryStatistics {
        let inverseFrequencies: [Double]
        let averageLength: Double

        init(inverseFrequencies: [Double], averageLength: Double) {
            self.inverseFrequencies = inverseFrequencies
            self.averageLength = averageLength
        }
    }

    /// The auxiliary function: `-score` of the current row, as `bm25` returns it.
    private static let rank: fts5_extension_function = { api, context, result, count, values in
        guard let api, let context, let values, count == 2 else {
            sqlite3_result_error(result, "\(functionName) takes the table, the text's size and the rows matched", -1)
            return
        }
        let statistics: QueryStatistics
        if let kept = api.pointee.xGetAuxdata(context, 0) {
            statistics = Unmanaged<QueryStatistics>.fromOpaque(kept).takeUnretainedValue()
        } else {
            guard let made = queryStatistics(api, context, rowsMatched: counted(values[1])) else {
                sqlite3_result_error(result, "\(functionName) cannot read the index's statistics", -1)
                return
            }
            statistics = made
            // Should FTS5 fail to keep it, it calls the release at once: the next row computes them again.
            _ = api.pointee.xSetAuxdata(context, Unmanaged.passRetained(made).toOpaque()) { kept in
                if let kept { Unmanaged<QueryStatistics>.fromOpaque(kept).release() }
            }
        }
        let length = Double(docsizeTokens(values[0]))
        let lengthFactor = k1 * (1 - b + b * length / statistics.averageLength)
        var score = 0.0
        for (phrase, inverseFrequency) in statistics.inverseFrequencies.enumerated() {
            let frequency = Double(instances(of: Int32(phrase), api, context))
            score += inverseFrequency * (frequency * (k1 + 1)) / (frequency + lengthFactor)
        }
        sqlite3_result_double(result, -score)
    }

    /// Each phrase's IDF over the whole table, and the average length, as FTS5's `bm25` works
    /// them out (`fts5Bm25GetData`): log((N − n + ½) / (n + ½)), at least 1e-6. The one phrase of
    /// a query holds in the `rowsMatched` rows the query matches, when they are known.
    private static func queryStatistics(_ api: UnsafePointer<Fts5ExtensionApi>, _ context: OpaquePointer,
                                        rowsMatched: sqlite3_int64?) -> QueryStatistics? {
        var rows: sqlite3_int64 = 0
        var tokens: sqlite3_int64 = 0
        guard api.pointee.xRowCount(context, &rows) == SQLITE_OK,
              api.pointee.xColumnTotalSize(context, -1, &tokens) == SQLITE_OK else { return nil }
        var inverseFrequencies: [Double] = []
        let phrases = api.pointee.xPhraseCount(context)
        for phrase in 0..<phrases {
            var hits: sqlite3_int64 = 0
            if phrases == 1, let rowsMatched {
                hits = rowsMatched
            } else {
                let code = api.pointee.xQueryPhrase(context, phrase, &hits) { _, _, counter in
                    counter?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
                    return SQLITE_OK
                }
                guard code == SQLITE_OK else { return nil }
            }
            let inverseFrequency = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            inverseFrequencies.append(inverseFrequency > 0 ? inverseFrequency : 1e-6)
        }
        return QueryStatistics(inverseFrequencies: inverseFrequencies,
                               averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1)
    }

    /// The rows a query matches as its caller gives them: an integer, or nil (NULL) when not counted.
    private static func counted(_ value: OpaquePointer?) -> sqlite3_int64? {
        sqlite3_value_type(value) == SQLITE_INTEGER ? sqlite3_value_int64(value) : nil
    }

    /// How many times `phrase` occurs in the current row.
    private static func instances(of phrase: Int32, _ api: UnsafePointer<Fts5ExtensionApi>, _ context: OpaquePointer) -> Int {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        var count = 0
        guard api.pointee.xPhraseFirst(context, phrase, &iterator, &column, &offset) == SQLITE_OK else { return 0 }
        while column >= 0 {
            count += 1
            api.pointee.xPhraseNext(context, &iterator, &column, &offset)
        }
        return count
    }

    /// The row's length in words from its `passage_docsize` record (as copied into `text`): one
    /// varint per column (SQLite's big-endian seven bits a byte), and the table has one column.
    static func docsizeTokens(_ value: OpaquePointer?) -> Int {
        guard let bytes = sqlite3_value_blob(value)?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var tokens = 0
        for index in 0..<min(Int(sqlite3_value_bytes(value)), 4) {
            tokens = tokens << 7 | Int(bytes[index] & 0x7F)
            if bytes[index] & 0x80 == 0 { break }
        }
        return tokens
    }
}
