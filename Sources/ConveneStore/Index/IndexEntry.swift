import ConveneCore
import Foundation
import GRDB

/// One session as the index holds it, read from its journal.
struct IndexEntry: Sendable {
    var folder: SessionFolder
    var signature: String
    var summary: SessionSummary?
    var problem: String?
    var passages: [(place: String, text: String)]

    init(folder: SessionFolder, signature: String) {
        self.folder = folder
        self.signature = signature
        do {
            let session = try folder.load().log.session
            summary = SessionSummary(folder: folder, session: session)
            passages = SessionSearch.passages(of: session)
        } catch {
            problem = "\(error)"
            passages = []
        }
    }

    /// The sessions of these journals in `root`, each read on its own core: a new archive of a
    /// thousand sessions is most of a second of JSON per core.
    static func read(_ journals: ArraySlice<JournalScan.Journal>, in root: URL) -> [IndexEntry] {
        ParallelChunks.map(journals.indices, minimumChunk: 8) { part in
            journals[part].map { journal in
                IndexEntry(folder: SessionFolder(url: root.appendingPathComponent(journal.name, isDirectory: true)), signature: journal.signature)
            }
        }
    }

    /// Replaces whatever the index held for this session.
    func store(in db: Database) throws {
        try Self.remove(folder.name, in: db)
        try db.execute(sql: """
            INSERT INTO session (folder, signature, title, date, kind, chathamHouse, attendees, points, topics, contexts, series, ended, open, problem)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [folder.name, signature, summary?.title ?? folder.name, summary?.date ?? "", summary?.kind ?? "",
                             summary?.chathamHouse ?? false, summary?.attendees ?? 0, summary?.points ?? 0, summary?.topics ?? 0,
                             summary?.contexts ?? 0, summary?.series, summary?.ended ?? false, summary?.open ?? 0, problem])
        let insert = try db.cachedStatement(sql: "INSERT INTO text (folder, place, body) VALUES (?, ?, ?)")
        for passage in passages {
            try insert.execute(arguments: [folder.name, passage.place, passage.text])
        }
    }

    static func remove(_ folder: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM text WHERE folder = ?", arguments: [folder])
        try db.execute(sql: "DELETE FROM session WHERE folder = ?", arguments: [folder])
    }
}
