import ConveneCore
import Foundation
import GRDB

/// The archive's catalogue and full-text index, in SQLite (FTS5) beside the sessions:
/// `<sessions>/.index.sqlite`. A cache of what the journals say and nothing more: each session's
/// row remembers its journal's size, modification time and inode, and is read again from the
/// journal when any of them changes. Deleting the file loses nothing; a damaged or outdated one is
/// rebuilt from the journals. Readers never block the live writer (it never touches the index), and
/// two commands refreshing it at once each write whole sessions in their own transactions.
public final class ArchiveIndex {
    public static let fileName = ".index.sqlite"
    /// Raised whenever what is stored changes shape; an index of another version is rebuilt.
    static let schemaVersion = 6

    let database: any DatabaseWriter
    /// Opens a second reader of the same file, for a search read out on two cores at once; nil
    /// for an index in memory.
    let anotherReader: (@Sendable () throws -> DatabaseQueue)?
    public let catalog: SessionCatalog
    /// What opening the index found and did that a person should hear of (a planted link removed).
    public private(set) var notices: [String] = []

    /// How long a command waits for another process writing the index before it answers from the
    /// journals instead: a person is waiting. The background catch-up, which nobody waits for,
    /// waits as long as a new index of a large archive takes to write.
    public enum Patience: Sendable {
        case person, background

        var seconds: TimeInterval {
            switch self {
            case .person: 2
            case .background: 60
            }
        }
    }

    /// Thrown by `updated(_:readingAtMost:_:)` when bringing the index up to date would mean
    /// reading more journals than allowed: a new archive, or one copied in.
    public struct FarBehind: Error {
        public var journalsToRead: Int
        /// Every journal of the folder as the look that found the index behind saw them: what a
        /// search without the index goes through, rather than listing them all again.
        var scan: JournalScan.Scan
    }

    private init(database: any DatabaseWriter, catalog: SessionCatalog, anotherReader: (@Sendable () throws -> DatabaseQueue)? = nil) {
        self.database = database
        self.catalog = catalog
        self.anotherReader = anotherReader
    }

    /// Runs `body` on the index of `catalog`'s folder, brought up to date first. An index that is
    /// damaged (cut short, scribbled over, not a database) is deleted and built again from the
    /// journals, once. Nil when the folder cannot hold an index (it does not exist, or is
    /// read-only): callers then read the journals themselves. Other failures are thrown.
    /// With `limit`, throws `FarBehind` instead when more than that many journals would have to
    /// be read first (nothing is read then).
    ///
    /// The index's files are checked before SQLite opens them (`IndexFileGuard`): a planted link is
    /// removed and the index built anew; a folder, a pipe or another user's file there is an error.
    /// While another process writes the index, waits as `patience` says, then throws
    /// `StoreError.indexBusy` (callers read the journals instead).
    public static func updated<Result>(_ catalog: SessionCatalog, readingAtMost limit: Int? = nil, patience: Patience = .person,
                                       _ body: (ArchiveIndex) throws -> Result) throws -> Result? {
        let path = catalog.root.appendingPathComponent(fileName).path
        guard access(catalog.root.path, W_OK) == 0 else { return nil }
        var guardian = IndexFileGuard(path: path)
        try guardian.prepare()
        let root = catalog.root.path
        if let limit, access(path, F_OK) != 0 {
            // No index at all: counting the folders says enough (the search that follows opens each
            // journal anyway), and creating the file is left to whoever will fill it.
            let folders = JournalScan.folders(in: root)
            if folders.journals.count > limit { throw FarBehind(journalsToRead: folders.journals.count, scan: folders) }
        }
        // The journals are looked at while the index opens: on a large archive the two take about
        // as long, and neither needs the other.
        let scan = Prefetched { JournalScan.signatures(in: root) }
        func opened() throws -> ArchiveIndex {
            let index = try connect(path, catalog: catalog, guardian: guardian, patience: patience)
            index.notices = guardian.notices + scan.value.skipped
            try index.refresh(readingAtMost: limit, scan: scan.value)
            return index
        }
        do {
            do {
                return try body(try opened())
            } catch let error as DatabaseError where isDamage(error) {
                removeFiles(at: path)
                return try body(try opened())
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.indexBusy(path: path)
        }
    }

    /// The search of an archive whose index is far behind, answered without waiting for it: the
    /// journals that may hold the query (`JournalPrefilter`) are read into an index in memory and
    /// searched there, with the same words, ranking and excerpts as the full index. A query the
    /// prefilter cannot judge reads every journal. `farBehind`, from the attempt through the index,
    /// says which journals there are.
    public static func searchWithoutIndex(_ catalog: SessionCatalog, _ query: SearchQuery, after farBehind: FarBehind? = nil) throws
        -> (hits: [SearchHit], problems: [String]) {
        guard !query.isEmpty else { return ([], []) }
        let prefilter = JournalPrefilter(query)
        let root = catalog.root
        var scan = farBehind?.scan ?? JournalScan.signatures(in: root.path)
        // Without a prefilter every journal is read: only the folders seen to hold one.
        if prefilter == nil && !scan.looked { scan = JournalScan.signatures(in: root.path) }
        let journals = scan.journals
        // The index in memory is made while the journals are read, and a journal that may hold
        // the query is loaded by the core that read it. Journals are dealt out in small parts,
        // so that the core loading one reads fewer of the others: loading, the first in a run,
        // costs as much as reading half the archive.
        let memory = Prefetched { Result { () throws -> DatabaseQueue in
            let memory = try DatabaseQueue(configuration: searchable(Configuration()))
            try memory.write { try IndexSchema.create(in: $0) }
            return memory
        } }
        let entries = ParallelChunks.map(journals.indices, chunks: ParallelChunks.workers * 8, minimumChunk: 64) { part in
            var scratch = JournalPrefilter.Scratch()
            let candidates = journals[part].filter {
                prefilter?.mayMatch(journalAt: root.path + "/" + $0.name + "/" + SessionFolder.journalName, scratch: &scratch) ?? true
            }
            return IndexEntry.read(candidates[...], in: root)
        }
        let database = try memory.value.get()
        try database.write { try IndexSchema.fillEmpty(in: $0, with: entries) }
        let index = ArchiveIndex(database: database, catalog: catalog)
        return (try index.search(query), scan.skipped + entries.compactMap(\.problem))
    }

    /// `configuration` with what `search` orders its places by added to every connection.
    /// Every connection's configuration passes here before it opens, so SQLite is set up first.
    private static func searchable(_ configuration: Configuration) -> Configuration {
        SQLiteSetup.done
        var configuration = configuration
        configuration.prepareDatabase { try SearchRank.register(in: $0) }
        return configuration
    }

    /// The codes SQLite gives for a file that is not (or no longer) a whole database.
    private static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT].contains(error.resultCode)
    }

    /// Opens the file, waiting while another process is creating it: switching a new database to
    /// WAL takes a lock SQLite's busy timeout does not wait for ("database is locked" at once).
    /// Also refuses, after opening, a file that is not the one `guardian` checked (a link or
    /// another file swapped in between the check and the open).
    private static func connect(_ path: String, catalog: SessionCatalog, guardian: IndexFileGuard,
                                patience: Patience) throws -> ArchiveIndex {
        let before = guardian.identity()
        let deadline = Date(timeIntervalSinceNow: patience.seconds)
        while true {
            do {
                let index = try open(path, catalog: catalog, patience: patience, guardian: guardian)
                guard let now = guardian.identity(), before == nil || before == now else {
                    throw replaced(path)
                }
                return index
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(25_000)
            }
        }
    }

    /// What opening the index says when the file there is no longer the one that was checked.
    private static func replaced(_ path: String) -> StoreError {
        .notARegularFile(path: path, found: POSIX.kind(at: path) ?? "a file replaced while it was opened")
    }

    private static func open(_ path: String, catalog: SessionCatalog, patience: Patience, guardian: IndexFileGuard) throws -> ArchiveIndex {
        var configuration = Configuration()
        // A new index of a large archive is written in one transaction: the background waits for
        // it; a person is answered from the journals after a short wait instead.
        configuration.busyMode = .timeout(patience.seconds)
        configuration.prepareDatabase { db in
            // A cache: losing the last moments of it to a power cut costs a re-read, not data.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration = searchable(configuration)
        // One connection, not a pool: a command reads or writes in turn. A pool would also write a
        // transaction into every new write-ahead log it opens (GRDB's guard for pool readers), and
        // SQLite deletes the log when the last connection closes, so every `list` would write.
        let database = try DatabaseQueue(path: path, configuration: configuration)
        let version = try database.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        if version != schemaVersion {
            // Write-ahead logging, so other processes read while one updates, is a property of the
            // file: set once here, it holds for every later connection. (Outside a transaction, as
            // SQLite requires; another process setting it at once is harmless.)
            try database.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try database.write { db in
                // Another process may have created it meanwhile: look again inside the lock.
                if try Int.fetchOne(db, sql: "PRAGMA user_version") != schemaVersion { try IndexSchema.create(in: db) }
            }
        }
        return ArchiveIndex(database: database, catalog: catalog, anotherReader: { [identity = guardian.identity()] in
            var configuration = searchable(Configuration())
            configuration.readonly = true
            configuration.busyMode = .timeout(patience.seconds)
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            // The file must still be the one this index opened, as when it was opened.
            guard identity != nil, guardian.identity() == identity else { throw replaced(path) }
            return reader
        })
    }

    private static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Brings the index up to date with the journals (`scan`, as `JournalScan` found them just
    /// now): sessions added, changed (here or by a copy synced in) and removed since last time.
    /// Only the changed ones are read.
    func refresh(readingAtMost limit: Int? = nil, scan: JournalScan.Scan) throws {
        let journals = scan.journals
        let (changed, gone, known) = try database.read { db in try IndexedJournals.compared(with: journals, in: db) }
        if let limit, changed.count > limit { throw FarBehind(journalsToRead: changed.count, scan: scan) }
        let root = catalog.root
        func entries(_ journals: ArraySlice<JournalScan.Journal>) -> [IndexEntry] { IndexEntry.read(journals, in: root) }
        if known == 0 && changed.count > 64 {
            // A new index: every journal read first, then written and indexed in one pass, unless
            // another updater filled it meanwhile (then this one has nothing left to do but check).
            let all = entries(changed[...])
            let filled = try database.write { db in
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM session") == 0 else { return false }
                try IndexSchema.fillEmpty(in: db, with: all)
                return true
            }
            if filled { return }
            return try refresh(scan: scan)
        }
        // Read outside the write lock, written in batches: another updater or a reader waits little.
        for start in stride(from: 0, to: changed.count, by: 64) {
            let batch = entries(changed[start..<min(start + 64, changed.count)])
            try database.write { db in
                for entry in batch { try entry.store(in: db) }
            }
        }
        if !gone.isEmpty {
            try database.write { db in
                for folder in gone { try IndexEntry.remove(folder, in: db) }
            }
        }
    }

    /// Every session that loads, newest first, and what is wrong with those that do not.
    public func summaries() throws -> (summaries: [SessionSummary], problems: [String]) {
        try database.read { db in
            var summaries: [SessionSummary] = []
            var problems: [String] = []
            let root = catalog.root.path
            // Columns read by position, as listed here: a thousand rows, thirteen columns each.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT problem, folder, title, date, kind, chathamHouse, attendees, points, topics, contexts, series, ended, open
                FROM session ORDER BY folder DESC
                """)
            while let row = try rows.next() {
                if let problem = row[0] as String? {
                    problems.append(problem)
                    continue
                }
                let folder: String = row[1]
                summaries.append(SessionSummary(
                    folder: folder, path: root + "/" + folder,
                    title: row[2], date: row[3], kind: row[4], chathamHouse: row[5],
                    attendees: row[6], points: row[7], topics: row[8], contexts: row[9], series: row[10], ended: row[11],
                    open: row[12]
                ))
            }
            return (summaries, problems)
        }
    }

    /// Every searchable text the index holds: the words a search that found nothing is suggested from.
    public func texts() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "SELECT body FROM text") }
    }

    /// What is wrong with the sessions that do not load.
    public func problems() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "SELECT problem FROM session WHERE problem IS NOT NULL ORDER BY folder DESC") }
    }

    /// How many places `query` finds, counted by SQLite: nothing is ranked, read out or excerpted.
    public func count(_ query: SearchQuery) throws -> Int {
        guard !query.isEmpty else { return 0 }
        return try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM passage JOIN text ON text.id = passage.rowid JOIN session ON session.folder = text.folder
                WHERE passage MATCH ?
                """, arguments: [query.ftsExpression]) ?? 0
        }
    }
}
