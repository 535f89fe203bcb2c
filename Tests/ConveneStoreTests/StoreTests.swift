import ConveneCore
@testable import ConveneStore
import Foundation
import Testing

/// A fresh sessions folder per test, removed afterwards.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

enum StoreFixtures {
    static let date = Date(timeIntervalSince1970: 1_775_124_000)

    static let setup = SessionSetup(
        details: SessionDetails(title: "Learning & accountability / roundtable", kind: "roundtable", date: "2026-04-02", chathamHouse: true),
        agenda: [AgendaItem(id: EntityID(1), title: "Discussion", phase: .discussion, minutes: 30)]
    )

    /// A session of `points` points; returns its folder, closed.
    static func session(in root: URL, points: Int) throws -> SessionFolder {
        let writer = try SessionWriter.create(in: root, setup: setup, at: date)
        defer { writer.close() }
        for index in 0..<points {
            let point = Point(id: writer.session.nextID, kind: .note, text: "Point \(index): café, 日本語, 👩🏽‍💻", item: EntityID(1), createdAt: date)
            try writer.apply(.pointAdded(point: point), at: date)
        }
        return writer.folder
    }
}

@Suite("Journal store")
struct StoreTests {
    @Test("a session written, closed and reopened is the same session, undo stack included")
    func roundTrip() throws {
        let root = try TemporaryFolder()
        let writer = try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: StoreFixtures.date)
        try writer.apply(.attendeeAdded(attendee: Attendee(id: writer.session.nextID, name: "Anna Randle", organisation: "Collaborate")), at: StoreFixtures.date)
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .agreement, text: "Line one\nline two", theme: "Context", createdAt: StoreFixtures.date)), at: StoreFixtures.date)
        try writer.undo(at: StoreFixtures.date)
        let expected = writer.session
        writer.close()

        #expect(writer.folder.name == "2026-04-02-learning-accountability-roundtable")
        let reopened = try SessionWriter.openInTest(writer.folder)
        defer { reopened.close() }
        #expect(reopened.session == expected)
        #expect(reopened.warnings.isEmpty)
        try reopened.undo(at: StoreFixtures.date)
        #expect(reopened.session.attendees.isEmpty)
        let lines = try String(contentsOf: writer.folder.journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[3].contains("\"undoes\":3"))
    }

    @Test("a point is written to the journal field by field as it always was, with every field and with none, and read back the same")
    func pointJournalForm() throws {
        let full = Point(id: EntityID(7), kind: .action, text: "Write up | the *notes*", theme: "Trust", subtheme: "Data", item: EntityID(3),
                         speaker: "Ana López", createdAt: Date(timeIntervalSince1970: 1_775_124_000),
                         editedAt: Date(timeIntervalSince1970: 1_775_124_060), owner: "Ana López", due: "2026-05-01", status: .done,
                         answer: "Yes — 日本語",
                         origin: PointOrigin(session: SessionReference(folder: "2026-03-01-first", title: "First", date: "2026-03-01"),
                                             point: EntityID(4)),
                         layout: .paragraph)
        let bare = Point(id: EntityID(8), kind: .note, text: "café", createdAt: Date(timeIntervalSince1970: 1_775_124_000))
        let expected = [
            #"{"answer":"Yes — 日本語","createdAt":"2026-04-02T10:00:00Z","due":"2026-05-01","editedAt":"2026-04-02T10:01:00Z","id":7,"item":3,"kind":"action","layout":"paragraph","origin":{"point":4,"session":{"date":"2026-03-01","folder":"2026-03-01-first","title":"First"}},"owner":"Ana López","speaker":"Ana López","status":"done","subtheme":"Data","text":"Write up | the *notes*","theme":"Trust"}"#,
            #"{"createdAt":"2026-04-02T10:00:00Z","id":8,"kind":"note","text":"café"}"#,
        ]
        for (point, json) in zip([full, bare], expected) {
            #expect(String(decoding: try JournalCoding.encoder().encode(point), as: UTF8.self) == json)
            #expect(try JournalCoding.decoder().decode(Point.self, from: Data(json.utf8)) == point)
        }
        // Taking a field away and giving it back leaves the point as it was.
        var edited = full
        edited.owner = nil
        #expect(edited != full)
        edited.owner = "Ana López"
        #expect(edited == full)
    }

    @Test("a torn last line is dropped with a warning, at every byte offset")
    func tornTail() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 2)
        let full = try Data(contentsOf: folder.journal)
        let lastStart = try #require(full.dropLast().lastIndex(of: 0x0A)) + 1
        let complete = try folder.load().log.session
        for cut in lastStart..<full.count {
            try full.prefix(cut).write(to: folder.journal)
            let loaded = try folder.load()
            #expect(loaded.log.session.points.count == 1, "cut at \(cut)")
            #expect(loaded.warnings.count == (cut == lastStart ? 0 : 1), "cut at \(cut)")
            if cut > lastStart { #expect(loaded.warnings.first?.contains("session.jsonl:3:") == true) }
            // What `convene show` of current notes says, without loading the session: the same.
            #expect(try folder.journalEndWarnings() == loaded.warnings, "cut at \(cut)")
        }
        // A writer reopening a torn journal cuts the tail and continues on a fresh line.
        try full.prefix(full.count - 5).write(to: folder.journal)
        let writer = try SessionWriter.openInTest(folder)
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: "after the crash", createdAt: StoreFixtures.date)), at: StoreFixtures.date)
        writer.close()
        let reloaded = try folder.load()
        #expect(reloaded.warnings.isEmpty)
        #expect(reloaded.log.session.points.elements.map(\.text).last == "after the crash")
        #expect(complete.points.count == 2)
    }

    @Test("a long journal (mapped, not read) with a torn tail is cut back by its writer, which continues, and its checkpoint still serves")
    func tornTailOfLongJournal() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 600)
        let full = try Data(contentsOf: folder.journal)
        #expect(full.count > 64 * 1024, "long enough to be mapped: \(full.count) bytes")
        try (full + Data("{\"seq\":602,\"at\":\"2026-04".utf8)).write(to: folder.journal)
        let writer = try SessionWriter.openInTest(folder)
        #expect(writer.warnings.count == 1 && writer.session.points.count == 600)
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: "after the crash", createdAt: StoreFixtures.date)), at: StoreFixtures.date)
        writer.saveCheckpointIfDue()
        writer.close()
        let reloaded = try folder.load()
        #expect(reloaded.warnings.isEmpty)
        #expect(reloaded.log.session.points.count == 601)
        #expect(reloaded.log.session.points.elements.last?.text == "after the crash")
        #expect(reloaded.linesReplayed < 601, "opened from a checkpoint, not by replaying all \(reloaded.linesReplayed) lines")
    }

    @Test("a damaged line in the middle is an error naming it, and nothing is skipped")
    func corruptMiddle() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        var lines = try String(contentsOf: folder.journal, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[2] = "{\"seq\":3,\"at\":\"2026-04-02T10:00:00Z\",\"event\":{\"pointAdded\":"
        try lines.joined(separator: "\n").write(to: folder.journal, atomically: true, encoding: .utf8)
        #expect {
            try folder.load()
        } throws: { error in
            "\(error)".contains("session.jsonl:3:") && "\(error)".contains("damaged")
        }
        #expect(throws: StoreError.self) { try SessionWriter.open(folder) }
    }

    @Test("an out-of-order line is refused with its line number")
    func outOfOrder() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        var lines = try String(contentsOf: folder.journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.swapAt(1, 2)
        try (lines.joined(separator: "\n") + "\n").write(to: folder.journal, atomically: true, encoding: .utf8)
        #expect {
            try folder.load()
        } throws: { error in
            "\(error)".contains("session.jsonl:2:") && "\(error)".contains("sequence number 3 where 2 was expected")
        }
    }

    @Test("a second writer is refused while the first holds the session, and welcome after")
    func secondWriter() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        let first = try SessionWriter.openInTest(folder)
        #expect {
            try SessionWriter.open(folder)
        } throws: { error in
            "\(error)".contains("open for writing in another Convene")
        }
        // Reading needs no lock.
        #expect(try folder.load().log.session.points.count == 1)
        first.close()
        let second = try SessionWriter.openInTest(folder)
        second.close()
    }

    @Test("two sessions with the same date and title get separate folders")
    func sameName() throws {
        let root = try TemporaryFolder()
        let one = try StoreFixtures.session(in: root.url, points: 0)
        let two = try StoreFixtures.session(in: root.url, points: 0)
        #expect(two.name == one.name + "-2")
    }

    @Test("folder names are safe whatever the title", arguments: [
        ("../../etc/passwd", "etc-passwd"), ("Café: résumé / 2026", "café-résumé-2026"), ("日本語の会議", "日本語の会議"),
        ("👩🏽‍💻🎉", ""), ("..", ""), ("  Roundtable  ", "roundtable"),
    ])
    func slugs(title: String, slug: String) {
        #expect(SessionFolderName.slug(title) == slug)
        let name = SessionFolderName.make(date: "2026-04-02", title: title)
        #expect(!name.contains("/") && !name.contains(".."))
    }

    @Test("the sessions folder follows --dir, CONVENE_HOME, XDG_DATA_HOME, then HOME")
    func location() {
        let home = ["HOME": "/home/ann"]
        #expect(SessionsLocation(environment: home).sessions.path == "/home/ann/.local/share/convene")
        #expect(SessionsLocation(environment: home.merging(["XDG_DATA_HOME": "/data"]) { $1 }).sessions.path == "/data/convene")
        let convene = home.merging(["XDG_DATA_HOME": "/data", "CONVENE_HOME": "/sessions"]) { $1 }
        #expect(SessionsLocation(environment: convene).sessions.path == "/sessions")
        #expect(SessionsLocation(environment: convene, override: "/elsewhere").sessions.path == "/elsewhere")
        #expect(SessionsLocation(environment: home).userTemplates.path == "/home/ann/.config/convene/templates")
        #expect(SessionsLocation(environment: home.merging(["XDG_CONFIG_HOME": "/cfg"]) { $1 }).userTemplates.path == "/cfg/convene/templates")
    }

    @Test("a session is found by path, by unique prefix, and ambiguity is explained")
    func resolve() throws {
        let root = try TemporaryFolder()
        let one = try StoreFixtures.session(in: root.url, points: 0)
        _ = try StoreFixtures.session(in: root.url, points: 0)
        let catalog = SessionCatalog(root: root.url)
        #expect(try catalog.resolve(one.url.path) == one)
        #expect(try catalog.resolve(one.name) == one)
        #expect(throws: StoreError.self) { try catalog.resolve("2026-04") }
        #expect {
            try catalog.resolve("2025")
        } throws: { error in
            "\(error)".contains("no session matches ‘2025’")
        }
        #expect(catalog.folders().map(\.name) == [one.name + "-2", one.name])
    }

    @Test("notes are replaced atomically and left alone when unchanged")
    func atomicNotes() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        #expect(try folder.writeNotes("# One\n"))
        #expect(try !folder.writeNotes("# One\n"))
        #expect(try folder.writeNotes("# Two\n"))
        #expect(try String(contentsOf: folder.notes, encoding: .utf8) == "# Two\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("a user's template overrides the built-in one, and a broken one names its file and line")
    func userTemplates() throws {
        let builtIn = try TemporaryFolder()
        let user = try TemporaryFolder()
        let yaml = "title: T\nkind: k\nchatham-house: false\nagenda:\n  - {title: A, phase: opening, minutes: 5}\n"
        try yaml.write(to: builtIn.url.appendingPathComponent("seminar.yaml"), atomically: true, encoding: .utf8)
        try yaml.replacingOccurrences(of: "title: T", with: "title: Mine").write(
            to: user.url.appendingPathComponent("seminar.yaml"), atomically: true, encoding: .utf8)
        try "title: B\nkind: k\nchatham-house: maybe\nagenda: []\n".write(
            to: user.url.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let library = TemplateLibrary(directories: [builtIn.url, user.url])
        #expect(try library.sessionTemplate(named: "seminar").title == "Mine")
        #expect {
            try library.sessionTemplate(named: "broken")
        } throws: { error in
            "\(error)".contains("broken.yaml:3:") && "\(error)".contains("true or false")
        }
        #expect(throws: StoreError.self) { try library.sessionTemplate(named: "nothing") }
    }
}

@Suite("Journal timestamps")
struct TimestampTests {
    @Test("the journal's own times parse exactly as Foundation parses them", arguments: [
        "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-04-02T10:15:00Z", "2100-03-01T00:00:01Z", "1999-12-31T12:00:00Z",
    ])
    func sameAsFoundation(text: String) throws {
        let expected = try Date(text, strategy: .iso8601)
        #expect(UTCTimestamp.parse(text) == expected)
    }

    @Test("anything else falls through to Foundation's parser or is refused", arguments: [
        "2026-04-02T10:15:00+01:00", "2026-13-02T10:15:00Z", "2026-04-02 10:15:00Z", "not a time",
    ])
    func otherForms(text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
    }
}

@Suite("Finding the built-in templates")
struct BuiltInTemplatesTests {
    private func makeFile(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }

    @Test("from a checkout's build folders, directly or through a symlink")
    func checkout() throws {
        let folder = try TemporaryFolder()
        let repository = folder.url.appendingPathComponent("convene")
        try makeFile(repository.appendingPathComponent("Templates/notes.mustache"))
        for build in [".build/debug/convene", ".build/x86_64-unknown-linux-gnu/release/convene"] {
            let executable = repository.appendingPathComponent(build)
            try makeFile(executable)
            let found = TemplateLibrary.builtInDirectory(environment: [:], executable: executable)
            #expect(found?.standardizedFileURL.path == repository.appendingPathComponent("Templates").standardizedFileURL.resolvingSymlinksInPath().path)
        }
        let link = folder.url.appendingPathComponent("bin/convene")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: repository.appendingPathComponent(".build/debug/convene"))
        #expect(TemplateLibrary.builtInDirectory(environment: [:], executable: link)?.lastPathComponent == "Templates")
    }

    @Test("from an installed PREFIX/share/convene/templates, unless CONVENE_TEMPLATES says otherwise")
    func installed() throws {
        let prefix = try TemporaryFolder()
        try makeFile(prefix.url.appendingPathComponent("share/convene/templates/notes.mustache"))
        let executable = prefix.url.appendingPathComponent("bin/convene")
        try makeFile(executable)
        let found = TemplateLibrary.builtInDirectory(environment: [:], executable: executable)
        #expect(found?.path.hasSuffix("share/convene/templates") == true)
        let explicit = TemplateLibrary.builtInDirectory(environment: ["CONVENE_TEMPLATES": "/elsewhere"], executable: executable)
        #expect(explicit?.path == "/elsewhere")
        #expect(TemplateLibrary.builtInDirectory(environment: [:], executable: URL(fileURLWithPath: "/nowhere/bin/convene")) == nil)
    }
}

@Suite("Journal records: id, author, clock")
struct JournalIdentityStoreTests {
    @Test("a journal written before ids opens, loses nothing, and its next lines carry id, author and clock")
    func legacyJournalContinues() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        // Lines as the previous version wrote them: without id, author or clock.
        let current = try String(contentsOf: folder.journal, encoding: .utf8)
        let old = current.replacing(/"clock":\d+,/, with: "").replacing(/,"id":"[0-9a-f]{16}"/, with: "")
        #expect(!old.contains("clock") && old != current)
        try Data(old.utf8).write(to: folder.journal)
        let writer = try SessionWriter.open(folder, author: "ana")
        #expect(writer.session.points.count == 1)
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: "Added now", createdAt: StoreFixtures.date)),
                         at: StoreFixtures.date)
        writer.close()

        let lines = try String(contentsOf: folder.journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0...1].joined(separator: "\n") + "\n" == old, "old lines are left exactly as they were")
        let newest = try JournalCoding.decoder().decode(JournalRecord.self, from: Data(lines[2].utf8))
        #expect(newest.by == "ana" && newest.clock == 3 && newest.seq == 3)
        #expect(newest.id?.rawValue.count == 16)
        #expect(try folder.load().log.session.points.count == 2)
    }

    @Test("a change sent again under the same id is recognised after the session is reopened from its checkpoint")
    func resendRecognisedAcrossReopen() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        var writer = try SessionWriter.open(folder, author: "ben")
        let id = EventID.random()
        try writer.apply(.pointAdded(point: Point(id: writer.session.nextID, kind: .note, text: "Sent once", createdAt: StoreFixtures.date)),
                         at: StoreFixtures.date, id: id)
        try CheckpointFile.write(writer.log, journalPrefix: Data(contentsOf: folder.journal), in: folder)
        writer.close()
        writer = try SessionWriter.open(folder)
        defer { writer.close() }
        #expect(writer.log.hasRecent(id))
        #expect(writer.log.lastClock == 5)
    }
}
