import ConveneStore
import Foundation
import Testing

/// The first search of an archive with no index yet (copied in, or a folder of sessions from
/// elsewhere) answers from the journals that may hold its words, and leaves the index to be built
/// in the background.
@Suite("Searching a new archive")
struct NewArchiveSearchTests {
    @Test("the first search finds the one session that says the word; the index is then built in the background")
    func firstSearch() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        var folders: [String] = []
        for index in 0..<70 {
            let created = try convene.run(["new", "--template", "seminar", "--title", "Seminar \(index) on outcomes", "--date", "2026-05-01"])
            try #require(created.status == 0, "\(created.stderr)")
            folders.append(URL(fileURLWithPath: created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).lastPathComponent)
        }
        let added = try convene.run(["add", folders[33], "point", "A Zanzibarian example of trust."])
        try #require(added.status == 0, "\(added.stderr)")

        let search = try convene.run(["search", "zanzibarian"])
        #expect(search.status == 0, "\(search.stderr)")
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix(folders[33]) == true, "\(search.stdout)")
        #expect(search.stdout.contains("Zanzibarian example"))
        #expect(try convene.run(["search", "\"seminar 12 on\""]).stdout.hasPrefix(folders[12]), "titles are searched too")

        // The index catches up on its own: soon nothing is left for a search to read first.
        let catalog = SessionCatalog(root: convene.sessions)
        var current = false
        for _ in 0..<600 where !current {
            current = (try? ArchiveIndex.updated(catalog, readingAtMost: 0) { _ in true }) != nil
            if !current { usleep(50_000) }
        }
        #expect(current, "the index was not built in the background")
        #expect(try convene.run(["search", "zanzibarian"]).stdout == search.stdout)

        // A word in every title: counted without being listed, or only the best few listed.
        let every = try convene.run(["search", "outcomes"]).stdout.split(separator: "\n")
        #expect(every.count == 70)
        let counted = try convene.run(["search", "outcomes", "--count"])
        #expect(counted.status == 0 && counted.stdout == "70\n", "\(counted.stdout)")
        let best = try convene.run(["search", "outcomes", "--limit", "5"]).stdout.split(separator: "\n")
        #expect(best == Array(every.prefix(5)))
        let none = try convene.run(["search", "nowhere-said", "--count"])
        #expect(none.status == 1 && none.stdout == "0\n")
        #expect(try convene.run(["search", "outcomes", "--limit", "0"]).status == 64)
    }

    @Test("the first search of a new archive passes over folders that are not sessions without a word, with or without words to look for first")
    func foldersThatAreNotSessions() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        for index in 0..<70 {
            let title = index == 5 ? "日本語 review of the year" : "Seminar \(index) on outcomes"
            try #require(try convene.run(["new", "--template", "seminar", "--title", title, "--date", "2026-05-01"]).status == 0)
        }
        // What else lives in a shared folder: photos, a journal name taken by a folder.
        let photos = convene.sessions.appendingPathComponent("photos", isDirectory: true)
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try Data("not a session".utf8).write(to: photos.appendingPathComponent("readme.txt"))
        let odd = convene.sessions.appendingPathComponent("odd/session.jsonl", isDirectory: true)
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        try "outcomes\n".write(to: convene.sessions.appendingPathComponent("outcomes.txt"), atomically: true, encoding: .utf8)
        let index = convene.sessions.appendingPathComponent(".index.sqlite").path

        // A word in plain letters is looked for in each journal first; one in another script is not.
        for (query, found) in [("outcomes", 69), ("日本語", 1)] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
            let search = try convene.run(["search", query])
            #expect(search.status == 0 && search.stdout.split(separator: "\n").count == found, "‘\(query)’: \(search.stdout)")
            #expect(search.stderr.isEmpty, "‘\(query)’: \(search.stderr)")
            // The index the first search leaves to be built must be done before the next removal.
            let catalog = SessionCatalog(root: convene.sessions)
            var current = false
            for _ in 0..<600 where !current {
                current = (try? ArchiveIndex.updated(catalog, readingAtMost: 0) { _ in true }) != nil
                if !current { usleep(50_000) }
            }
        }
    }
}
