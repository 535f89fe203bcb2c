import ConveneCore
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The sessions folder as an attacker (or an unlucky sync) leaves it: planted links, crafted
/// journal lines, names that are not names. Every command answers with what it can read and says
/// what it could not, and nothing is written where it should not be.
@Suite("A hostile sessions folder")
struct HostileArchiveTests {
    @Test("a link planted as the index: list and search answer, the linked database is untouched, and it is said")
    func plantedIndexLink() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Planted")
        #expect(try convene.run(["add", session, "point", "Findable words"]).status == 0)
        let victim = convene.home.appendingPathComponent("victim.sqlite")
        try "not a database of Convene's\n".write(to: victim, atomically: false, encoding: .utf8)
        let index = convene.sessions.appendingPathComponent(".index.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
        try FileManager.default.createSymbolicLink(at: index, withDestinationURL: victim)

        let listed = try convene.run(["list"])
        #expect(listed.status == 0 && listed.stdout.contains("Planted"), "\(listed.stderr)")
        #expect(listed.stderr.contains("symbolic link"), "\(listed.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "not a database of Convene's\n")
        let found = try convene.run(["search", "findable"])
        #expect(found.status == 0 && found.stdout.contains("Findable words"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "not a database of Convene's\n")
    }

    @Test("search prints every place safely and whole: line breaks made spaces, any script kept, an index scribbled with escape sequences and broken UTF-8 shown as visible marks")
    func searchLinesFromAScribbledIndex() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Lines")
        for text in ["First line\nsecond line on outcomes", "Café 東京 👩🏽‍💻 outcomes\u{2028}after the separator", "Plain outcomes"] {
            #expect(try convene.run(["add", session, "point", "-"], stdin: text).status == 0)
        }
        let found = try convene.run(["search", "outcomes"])
        #expect(found.status == 0, "\(found.stderr)")
        let lines = found.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(found.stdout)")
        #expect(lines.contains { $0.hasPrefix("\(session)  ") && $0.hasSuffix(": First line second line on outcomes") }, "\(found.stdout)")
        #expect(lines.contains { $0.hasSuffix(": Café 東京 👩🏽‍💻 outcomes after the separator") }, "\(found.stdout)")
        #expect(lines.contains { $0.hasSuffix(": Plain outcomes") }, "\(found.stdout)")

        // The texts rewritten behind the full-text index's back: it still finds them by their old
        // words, and hands on what is stored now.
        let index = try DatabaseQueue(path: convene.sessions.appendingPathComponent(".index.sqlite").path)
        try index.write { db in
            try db.execute(sql: "UPDATE text SET body = 'Scribbled ' || char(27) || ']2;PWNED' || char(7) || ' outcomes' WHERE body LIKE 'First%'")
            try db.execute(sql: "UPDATE text SET body = CAST(X'42726F6B656E20FF206F7574636F6D6573' AS TEXT) WHERE body LIKE 'Plain%'")
        }
        try index.close()
        let scribbled = try convene.run(["search", "outcomes"])
        #expect(scribbled.status == 0, "\(scribbled.stderr)")
        #expect(!TerminalSafetyTests.hasControl(scribbled.stdout), "\(scribbled.stdout)")
        #expect(String(validating: scribbled.stdoutBytes, as: UTF8.self) != nil, "bytes that are not UTF-8 reached the output")
        #expect(scribbled.stdout.contains(": Scribbled ␛]2;PWNED␇ outcomes\n"), "\(scribbled.stdout)")
        #expect(scribbled.stdout.contains(": Broken \u{FFFD} outcomes\n"), "\(scribbled.stdout)")
        #expect(scribbled.stdout.contains(": Café 東京 👩🏽‍💻 outcomes after the separator\n"), "\(scribbled.stdout)")
    }

    @Test("a journal line whose id is at the top of the integer range is refused with its line number, never a crash")
    func idAtTheTop() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Ids")
        #expect(try convene.run(["add", session, "point", "First"]).status == 0)
        let journal = convene.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        let last = try #require(lines.last)
        let planted = last.replacingOccurrences(of: "\"seq\":\(lines.count)", with: "\"seq\":\(lines.count + 1)")
            .replacingOccurrences(of: #""id":\d+"#, with: "\"id\":9223372036854775807", options: .regularExpression)
        try (lines.joined(separator: "\n") + "\n" + planted + "\n").write(to: journal, atomically: false, encoding: .utf8)

        let added = try convene.run(["add", session, "point", "Second"])
        #expect(added.status == 1, "\(added.stderr)")
        #expect(added.stderr.contains("session.jsonl:\(lines.count + 1):") && added.stderr.contains("9223372036854775807"), "\(added.stderr)")
    }

    @Test("a pasted point of 150,000 nested emphasis markers is saved, and the session still adds, shows and exports")
    func nestedEmphasis() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Nested")
        let pasted = String(repeating: "*", count: 150_000) + "x" + String(repeating: "*", count: 150_000)
        let added = try convene.run(["add", session, "point", "-"], stdin: pasted)
        #expect(added.status == 0, "\(added.stderr.prefix(300))")
        let after = try convene.run(["add", session, "point", "After the paste"])
        #expect(after.status == 0, "\(after.stderr.prefix(300))")
        let notes = convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md").path
        let shown = try convene.run(["show", notes, "--no-pager"])
        #expect(shown.status == 0 && shown.stdout.contains("After the paste"), "\(shown.stderr.prefix(300))")
        let exported = try convene.run(["export", session])
        #expect(exported.status == 0 && exported.stdout.contains("After the paste"))
        // The reader takes a hand-written file nested as deep.
        let file = convene.home.appendingPathComponent("deep.md")
        try (String(repeating: "_", count: 160_000) + "y" + String(repeating: "_", count: 160_000)).write(to: file, atomically: false, encoding: .utf8)
        #expect(try convene.run(["show", file.path, "--no-pager"]).status == 0)
    }

    @Test("a folder named with a line break lists on one line; one not in UTF-8 is said to be skipped")
    func oddFolderNames() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Plain")
        let source = convene.sessions.appendingPathComponent(session)
        try FileManager.default.copyItem(at: source, to: convene.sessions.appendingPathComponent("2026-05-01-two\nlines"))
        // "latin" then é in Latin-1: a name that is not UTF-8.
        let latin = (Array((convene.sessions.path + "/2026-05-01-latin").utf8) + [0xE9, 0]).map { CChar(bitPattern: $0) }
        #expect(mkdir(latin, 0o755) == 0)
        defer { rmdir(latin) }
        let listed = try convene.run(["list"])
        #expect(listed.status == 0)
        let rows = listed.stdout.split(separator: "\n")
        #expect(rows.count == 2, "\(listed.stdout)")
        #expect(rows.contains { $0.hasPrefix("2026-05-01-two␊lines ") }, "\(listed.stdout)")
        #expect(listed.stderr.contains("not UTF-8"), "\(listed.stderr)")
    }

    @Test("a session folder that is a link to elsewhere is read but never written through")
    func linkedSessionFolder() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Elsewhere")
        let outside = convene.home.appendingPathComponent("outside")
        try FileManager.default.moveItem(at: convene.sessions.appendingPathComponent(session), to: outside)
        try FileManager.default.createSymbolicLink(at: convene.sessions.appendingPathComponent(session), withDestinationURL: outside)
        let journal = outside.appendingPathComponent("session.jsonl")
        let before = try Data(contentsOf: journal)

        let added = try convene.run(["add", session, "point", "Through the link"])
        #expect(added.status == 1)
        #expect(added.stderr.contains("is a symbolic link") && added.stderr.contains(outside.path), "\(added.stderr)")
        #expect(try Data(contentsOf: journal) == before)
        let listed = try convene.run(["list"])
        #expect(listed.stdout.contains("Elsewhere"))
    }

    @Test("a search of a pasted page is refused at once, saying how many words a search takes; 100 words are searched")
    func longQuery() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Words")
        #expect(try convene.run(["add", session, "point", "Outcomes are emergent"]).status == 0)
        let filler = (1...99).map { "outcom\($0 % 2 == 0 ? "es" : "e")" }
        let hundred = try convene.run(["search", (["emergent"] + filler).joined(separator: " ")])
        #expect(hundred.status == 0 && hundred.stdout.contains("Outcomes are emergent"), "\(hundred.stderr)")
        let page = (0..<10_000).map { "word\($0)" }.joined(separator: " ")
        let refused = try convene.run(["search", page])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("at most 100 words") && refused.stderr.contains("10000"), "\(refused.stderr.prefix(300))")
        #expect(refused.stderr.count < 1_000, "the refusal echoes the whole query")
    }
}
