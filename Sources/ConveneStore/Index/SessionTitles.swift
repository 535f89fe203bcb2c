import Foundation
import GRDB
import GRDBSQLite

/// The titles of the sessions a search finds places in, for the places it hands on. Joined to
/// every place in SQL, the title was a fifth of a common word's query (the same session's title
/// looked up again for each of its places); a statement per session costs about as much once a
/// word is in hundreds of sessions. So the first few sessions' titles are looked up one by one,
/// and from the next one on all of them are read at once.
///
/// Folders are known by their bytes as SQLite holds them: places read in order of rank change
/// folder from one place to the next, and a string made of each (and hashed as one) was most of
/// what a lookup cost.
struct SessionTitles {
    /// Sessions looked up one by one before all titles are read.
    static let lookedUpOneByOne = 8

    private let db: Database
    /// Titles known so far by a hash of the folder's bytes; nil for a folder without a session row.
    private var known: [Int: [(folder: [UInt8], title: String?)]] = [:]
    private var count = 0
    private var allRead = false

    init(_ db: Database) {
        self.db = db
    }

    /// The title of the session in `folder`, nil when the index has no session there.
    mutating func title(of folder: UnsafeBufferPointer<UInt8>) throws -> String? {
        if let entry = entry(for: folder) { return entry.title }
        if allRead { return nil }
        if count < Self.lookedUpOneByOne {
            let statement = try db.cachedStatement(sql: "SELECT title FROM session WHERE folder = ?")
            let title = try String.fetchOne(statement, arguments: [String(decoding: folder, as: UTF8.self)])
            remember(Array(folder), title)
            return title
        }
        let statement = try db.makeStatement(sql: "SELECT folder, title FROM session")
        try statement.forEachRow {
            let stored = statement.text(column: 0)
            if entry(for: stored) == nil { remember(Array(stored), String(decoding: statement.text(column: 1), as: UTF8.self)) }
        }
        allRead = true
        return entry(for: folder)?.title ?? nil
    }

    /// What is known of the session in `folder`, if anything yet.
    private func entry(for folder: UnsafeBufferPointer<UInt8>) -> (folder: [UInt8], title: String?)? {
        known[Self.key(UnsafeRawBufferPointer(folder))]?.first { $0.folder.elementsEqual(bytes: folder) }
    }

    private mutating func remember(_ folder: [UInt8], _ title: String?) {
        known[folder.withUnsafeBytes(Self.key), default: []].append((folder, title))
        count += 1
    }

    private static func key(_ folder: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: folder)
        return hasher.finalize()
    }
}
