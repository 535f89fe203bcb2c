import Foundation
import GRDB
import GRDBSQLite

/// What the index holds of the journals a scan found: which are new or changed since it last read
/// them, and which sessions it holds that are gone. Every command that uses the index asks this
/// first, of every session, so the index's thousand rows are read as SQLite holds them and each
/// signature compared in its bytes: reading them into strings and a dictionary cost as much as
/// the rest of a `list`.
enum IndexedJournals {
    /// `journals` that the index holds with another signature or not at all, the folders the index
    /// holds that are not among them, and how many sessions it holds.
    static func compared(with journals: [JournalScan.Journal], in db: Database) throws
        -> (changed: [JournalScan.Journal], gone: [String], known: Int) {
        var position: [String: Int] = [:]
        position.reserveCapacity(journals.count)
        for (index, journal) in journals.enumerated() { position[journal.name] = index }
        var unchanged = [Bool](repeating: false, count: journals.count)
        var gone: [String] = []
        var known = 0
        let statement = try db.makeStatement(sql: "SELECT folder, signature FROM session")
        try statement.forEachRow {
            known += 1
            let folder = String(decoding: statement.text(column: 0), as: UTF8.self)
            guard let index = position[folder] else {
                gone.append(folder)
                return
            }
            var signature = journals[index].signature
            unchanged[index] = signature.withUTF8 { $0.sameBytes(as: statement.text(column: 1)) }
        }
        let changed = journals.indices.filter { !unchanged[$0] }.map { journals[$0] }
        return (changed, gone, known)
    }
}
