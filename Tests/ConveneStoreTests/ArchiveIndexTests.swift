import ConveneCore
@testable import ConveneStore
import Foundation
import GRDB
import Testing
import TestSupport

/// The index answers as reading every journal would, whatever happened to it or behind its back.
@Suite("Archive index")
struct ArchiveIndexTests {
    static let vocabulary = ["outcomes", "Résumé", "targets", "café", "learning", "accountability", "trust", "systems",
                             "évaluation", "relationships", "measure", "measures", "practice", "council", "funders", "日本語"]

    /// `count` sessions of random points from a small vocabulary, so queries find several of them.
    static func archive(in root: URL, count: Int, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for index in 0..<count {
            let details = SessionDetails(title: "Session \(index) \(vocabulary.randomElement(using: &generator) ?? "")", kind: "roundtable",
                                         date: "2026-04-\(String(format: "%02d", index % 28 + 1))", chathamHouse: true)
            let writer = try SessionWriter.create(in: root, setup: SessionSetup(details: details, agenda: StoreFixtures.setup.agenda), at: StoreFixtures.date)
            defer { writer.close() }
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let words = (0..<Int.random(in: 3...9, using: &generator)).map { _ in vocabulary.randomElement(using: &generator) ?? "" }
                let text = words.joined(separator: Bool.random(using: &generator) ? " " : ", ") + "."
                try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: text, item: EntityID(1), createdAt: StoreFixtures.date)),
                                 at: StoreFixtures.date)
            }
        }
    }

    /// Every hit as (session, place), from reading every journal.
    static func scanned(_ query: SearchQuery, in catalog: SessionCatalog) -> Set<String> {
        Set(catalog.load().sessions.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) }.map { "\($0.folder) | \($0.place)" })
    }

    static func indexed(_ query: SearchQuery, in catalog: SessionCatalog) throws -> Set<String> {
        Set(try #require(try ArchiveIndex.updated(catalog) { try $0.search(query) }).map { "\($0.folder) | \($0.place)" })
    }

    static let queries = ["resume", "résumé", "RESUM", "outcome", "measure", "meas", "trust systems", "\"learning accountability\"",
                          "\"targets café\"", "cafe", "日本語", "evaluation", "absent", "council funders practice", "session 1"]

    /// Small archives are indexed session by session; large new ones in one pass (over 64 sessions).
    @Test("over a random archive, the index finds exactly what reading every journal finds",
          arguments: [(1, 25), (2, 25), (3, 90)] as [(UInt64, Int)])
    func equalToScan(seed: UInt64, sessions: Int) throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: sessions, seed: seed)
        let catalog = SessionCatalog(root: root.url)
        for typed in Self.queries {
            let query = SearchQuery(typed)
            #expect(try Self.indexed(query, in: catalog) == Self.scanned(query, in: catalog), "query ‘\(typed)’")
        }
        let listed = try #require(try ArchiveIndex.updated(catalog) { try $0.summaries().summaries })
        #expect(listed == catalog.load().sessions.map { SessionSummary(folder: $0.folder, session: $0.session) })
        // Each text's length in words, which a search ranks by, is FTS5's own, filled in one pass or row by row.
        let database = try DatabaseQueue(path: root.url.appendingPathComponent(ArchiveIndex.fileName).path)
        let lengths = try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT count(*) AS texts, count(text.sz) AS sized, sum(size.sz IS NOT text.sz) AS differing
                FROM text JOIN passage_docsize AS size ON size.id = text.id
                """)
        }
        let counts = try #require(lengths)
        #expect(counts["texts"] as Int > 0 && counts["sized"] as Int == counts["texts"] as Int && counts["differing"] as Int == 0)
    }

    @Test("a journal's signature reads as its size, time and inode in decimal, as the index has always stored them")
    func signatureText() {
        var random = SeededGenerator(seed: 17)
        var cases: [(Int64, Int64, Int64, UInt64)] = [(0, 0, 0, 0), (Int64.max, Int64.min, 999_999_999, UInt64.max), (13_449, -1, 5, 10)]
        for _ in 0..<1_000 {
            cases.append((Int64.random(in: 0...Int64.max, using: &random) >> Int64.random(in: 0...62, using: &random),
                          Int64.random(in: -2_000_000_000...4_000_000_000, using: &random), Int64.random(in: 0..<1_000_000_000, using: &random),
                          UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random)))
        }
        for (size, seconds, nanoseconds, inode) in cases {
            #expect(JournalScan.signatureText(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
                    == "\(size):\(seconds).\(nanoseconds):\(inode)")
        }
    }

    @Test("an index an older Convene made (another schema version) is made anew, and finds what reading the journals finds")
    func olderSchema() throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: 12, seed: 5)
        let catalog = SessionCatalog(root: root.url)
        _ = try ArchiveIndex.updated(catalog) { _ in }
        let path = root.url.appendingPathComponent(ArchiveIndex.fileName).path
        // The last version's tables: no copy of each text's length beside it.
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "ALTER TABLE text DROP COLUMN sz; PRAGMA user_version = \(ArchiveIndex.schemaVersion - 1)")
        }
        for typed in ["outcome", "trust systems"] {
            let query = SearchQuery(typed)
            #expect(try Self.indexed(query, in: catalog) == Self.scanned(query, in: catalog), "query ‘\(typed)’")
        }
        let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == ArchiveIndex.schemaVersion)
    }

    @Test("places come best first, scored exactly as FTS5's bm25 scores them, for words, prefixes, phrases and several terms, with or without the places counted beforehand; each with its session's title")
    func bestFirst() throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: 40, seed: 11)
        let catalog = SessionCatalog(root: root.url)
        var configuration = Configuration()
        configuration.prepareDatabase { try SearchRank.register(in: $0) }
        for typed in Self.queries {
            let query = SearchQuery(typed)
            let hits = try #require(try ArchiveIndex.updated(catalog) { try $0.search(query) })
            let database = try DatabaseQueue(path: root.url.appendingPathComponent(ArchiveIndex.fileName).path, configuration: configuration)
            let scored = try database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT text.folder || ' | ' || text.place AS place, bm25(passage) AS builtIn,
                           \(SearchRank.functionName)(passage, text.sz, NULL) AS ours,
                           \(SearchRank.functionName)(passage, text.sz, (SELECT count(*) FROM passage WHERE passage MATCH ?1)) AS counted
                    FROM passage JOIN text ON text.id = passage.rowid
                    WHERE passage MATCH ?1
                    """, arguments: [query.ftsExpression]).map {
                        (place: $0["place"] as String, builtIn: $0["builtIn"] as Double, ours: $0["ours"] as Double, counted: $0["counted"] as Double)
                    }
            }
            #expect(scored.count == hits.count, "query ‘\(typed)’")
            for row in scored {
                #expect(abs(row.builtIn - row.ours) <= 1e-9 * max(1, abs(row.builtIn)), "query ‘\(typed)’ at \(row.place)")
                #expect(abs(row.builtIn - row.counted) <= 1e-9 * max(1, abs(row.builtIn)), "query ‘\(typed)’ at \(row.place), counted")
            }
            // Titles are looked up session by session, then all at once: right either way.
            let titles = try database.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT folder, title FROM session").map { ($0[0] as String, $0[1] as String) })
            }
            #expect(hits.allSatisfy { titles[$0.folder] == $0.title }, "query ‘\(typed)’")
            let score = Dictionary(scored.map { ($0.place, $0.builtIn) }, uniquingKeysWith: min)
            let inOrder = hits.compactMap { score["\($0.folder) | \($0.place)"] }
            #expect(inOrder.count == hits.count && inOrder == inOrder.sorted(), "query ‘\(typed)’ best first")
        }
    }

    @Test("a short text is its own excerpt, word for word what SQLite's snippet gives; longer ones are cut around the word")
    func excerpts() throws {
        let root = try TemporaryFolder()
        let details = SessionDetails(title: "Excerpts", kind: "roundtable", date: "2026-04-02", chathamHouse: true)
        let writer = try SessionWriter.create(in: root.url, setup: SessionSetup(details: details, agenda: StoreFixtures.setup.agenda), at: StoreFixtures.date)
        var generator = SeededGenerator(seed: 9)
        let words = ["outcomes", "Résumé", "café,", "—", "trust.", "(systems)", "日本語", "don’t", "x", "\n", "  "]
        for length in 1...40 {
            let text = (0..<length).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ") + " outcomes"
            try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: text, item: EntityID(1), createdAt: StoreFixtures.date)),
                             at: StoreFixtures.date)
        }
        writer.close()
        let catalog = SessionCatalog(root: root.url)
        let hits = try #require(try ArchiveIndex.updated(catalog) { try $0.search(SearchQuery("outcomes")) })
        let database = try DatabaseQueue(path: root.url.appendingPathComponent(ArchiveIndex.fileName).path)
        let snippets = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT snippet(passage, 0, '', '', '…', 16) AS excerpt FROM passage WHERE passage MATCH 'outcomes' ORDER BY rank
                """).map { ($0["excerpt"] as String).onOneLine }
        }
        #expect(hits.count == 40)
        #expect(hits.map(\.excerpt).sorted() == snippets.sorted())
        #expect(hits.contains { $0.excerpt.hasPrefix("…") || $0.excerpt.hasSuffix("…") }, "long texts are cut")
    }

    @Test("far behind (a new archive), a search reads only the journals that may hold its words and finds what the index finds")
    func searchWithoutIndex() throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: 90, seed: 5)
        let catalog = SessionCatalog(root: root.url)
        let farBehind = try #require(#expect(throws: ArchiveIndex.FarBehind.self) { try ArchiveIndex.updated(catalog, readingAtMost: 64) { _ in } })
        for typed in Self.queries {
            let query = SearchQuery(typed)
            let quick = Set(try ArchiveIndex.searchWithoutIndex(catalog, query).hits.map { "\($0.folder) | \($0.place)" })
            #expect(quick == Self.scanned(query, in: catalog), "query ‘\(typed)’")
            // The same from the journals the index's look already listed, as `convene search` does.
            let listed = Set(try ArchiveIndex.searchWithoutIndex(catalog, query, after: farBehind).hits.map { "\($0.folder) | \($0.place)" })
            #expect(listed == quick, "query ‘\(typed)’")
        }
        // The in-memory search wrote nothing: the index is still to be built.
        #expect(throws: ArchiveIndex.FarBehind.self) { try ArchiveIndex.updated(catalog, readingAtMost: 64) { _ in } }
        _ = try ArchiveIndex.updated(catalog) { _ in }
        _ = try #require(try ArchiveIndex.updated(catalog, readingAtMost: 0) { _ in })
    }

    @Test("ASCII is lowered sixteen or eight bytes at a time exactly as byte by byte, at every offset and beside other scripts")
    func asciiFolding() {
        let ascii = (0..<128).map { UInt8($0) }
        for start in 0..<16 {
            for tail in ["", "é", "日本", "Ω"] {
                let bytes = Array(ascii[start...]) + Array(tail.utf8) + ascii
                let folded = JournalPrefilter.folded(Data(bytes))
                let expected = Array(ascii[start...]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                #expect(Array(folded.prefix(expected.count)) == expected)
                #expect(Array(folded.suffix(128)) == ascii.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            }
        }
    }

    @Test("the prefilter folds journal bytes as queries are folded, and passes only journals holding every word")
    func prefilter() throws {
        let folded = String(decoding: JournalPrefilter.folded(Data("Résumé ÉTÉ ﬁnance \u{212A}elvin Søren Łódź 日本 end".utf8)), as: UTF8.self)
        for word in ["resume", "ete", "finance", "kelvin", "soren", "lodz", "end"] { #expect(folded.contains(word), "\(word) in \(folded)") }
        #expect(!folded.contains("日"), "other scripts are left out, not guessed at")
        #expect(JournalPrefilter(SearchQuery("日本語")) == nil, "no prefilter for words it cannot fold")

        let root = try TemporaryFolder()
        let journal = root.url.appendingPathComponent("session.jsonl")
        try Data(#"{"event":{"pointAdded":{"point":{"text":"Le Résumé des \"évaluations\""}}}}"#.utf8).write(to: journal)
        var scratch = JournalPrefilter.Scratch()
        let passes = { (typed: String) in try #require(JournalPrefilter(SearchQuery(typed))).mayMatch(journalAt: journal.path, scratch: &scratch) }
        #expect(try passes("resum"))
        #expect(try passes("EVALUATION resume"))
        #expect(try passes("\"le resume\""))
        #expect(try !passes("resume targets"), "every word must be there")
        #expect(try !passes("zanzibar"))
    }

    @Test("deleted, it is rebuilt from the journals with nothing lost")
    func rebuiltAfterDeletion() throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: 6, seed: 7)
        let catalog = SessionCatalog(root: root.url)
        let query = SearchQuery("trust")
        let before = try Self.indexed(query, in: catalog)
        try FileManager.default.removeItem(at: root.url.appendingPathComponent(ArchiveIndex.fileName))
        #expect(try Self.indexed(query, in: catalog) == before)
        #expect(before == Self.scanned(query, in: catalog))
    }

    @Test("damaged (cut short, or scribbled over), it is rebuilt", arguments: ["truncated", "garbage"])
    func rebuiltAfterDamage(kind: String) throws {
        let root = try TemporaryFolder()
        try Self.archive(in: root.url, count: 6, seed: 8)
        let catalog = SessionCatalog(root: root.url)
        let query = SearchQuery("measure")
        _ = try Self.indexed(query, in: catalog)
        let file = root.url.appendingPathComponent(ArchiveIndex.fileName)
        let data = try Data(contentsOf: file)
        let damaged = kind == "truncated" ? data.prefix(data.count / 3) : Data(repeating: 0x5A, count: 4096) + data.dropFirst(4096)
        try damaged.write(to: file)
        #expect(try Self.indexed(query, in: catalog) == Self.scanned(query, in: catalog))
    }

    @Test("a journal changed behind its back (a copy synced in, with its old time) is read again")
    func changedBehindItsBack() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 2)
        let catalog = SessionCatalog(root: root.url)
        #expect(try Self.indexed(SearchQuery("synced"), in: catalog).isEmpty)
        // Another machine added a point; the sync replaced the file and kept its time.
        let elsewhere = try TemporaryFolder()
        try FileManager.default.copyItem(at: folder.url, to: elsewhere.url.appendingPathComponent(folder.name))
        let copy = SessionFolder(url: elsewhere.url.appendingPathComponent(folder.name, isDirectory: true))
        let writer = try SessionWriter.openInTest(copy)
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: "Added elsewhere and synced", createdAt: StoreFixtures.date)),
                         at: StoreFixtures.date)
        writer.close()
        let time = try FileManager.default.attributesOfItem(atPath: folder.journal.path)[.modificationDate]
        try FileManager.default.removeItem(at: folder.journal)
        try FileManager.default.copyItem(at: copy.journal, to: folder.journal)
        try FileManager.default.setAttributes([.modificationDate: time as Any], ofItemAtPath: folder.journal.path)
        #expect(try Self.indexed(SearchQuery("synced"), in: catalog).count == 1)
    }

    @Test("removed sessions leave it; updaters at once leave it whole")
    func removalsAndConcurrentUpdaters() throws {
        let root = try TemporaryFolder()
        // More than 64 sessions: a new index is filled in one pass, which both updaters race to do.
        try Self.archive(in: root.url, count: 80, seed: 9)
        let catalog = SessionCatalog(root: root.url)
        // Four updaters building the same new index side by side, each with its own connections.
        let failures = ConcurrentFailures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                guard try ArchiveIndex.updated(catalog, { _ in true }) != nil else { return failures.add("no index") }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let query = SearchQuery("outcomes")
        #expect(try Self.indexed(query, in: catalog) == Self.scanned(query, in: catalog))

        let gone = try #require(catalog.folders().first)
        try FileManager.default.removeItem(at: gone.url)
        let hits = try Self.indexed(query, in: catalog)
        #expect(!hits.contains { $0.hasPrefix(gone.name + " |") })
        #expect(hits == Self.scanned(query, in: catalog))
    }
}

/// Errors gathered from concurrent work.
final class ConcurrentFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []

    func add(_ failure: String) { lock.withLock { failures.append(failure) } }
    var all: [String] { lock.withLock { failures } }
}
