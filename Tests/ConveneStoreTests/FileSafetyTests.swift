import ConveneCore
@testable import ConveneStore
import Foundation
import Testing

/// Every file Convene reads or writes in a session folder, with a link planted in its place: the
/// link is refused by name and the file it points to is never read or changed.
@Suite("Session files and planted links")
struct FileSafetyTests {
    /// A file outside the session that a planted link points at, and what it holds.
    struct Victim {
        let url: URL
        let content = "precious: not Convene's to touch\n"

        init(in root: URL) throws {
            url = root.appendingPathComponent("victim.txt")
            try content.write(to: url, atomically: false, encoding: .utf8)
        }

        var isUntouched: Bool { (try? String(contentsOf: url, encoding: .utf8)) == content }
    }

    private func plantLink(at url: URL, to target: URL) throws {
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }

    private func isNotRegular(_ error: any Error, naming name: String) -> Bool {
        guard case StoreError.notARegularFile(let path, _) = error else { return false }
        return path.hasSuffix("/" + name) && "\(error)".contains("is a symbolic link")
    }

    @Test("a linked session.jsonl is refused by readers and writers, and its target left alone")
    func linkedJournal() throws {
        let root = try TemporaryFolder()
        let victim = try Victim(in: root.url)
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        try plantLink(at: folder.journal, to: victim.url)
        #expect { try folder.load() } throws: { isNotRegular($0, naming: "session.jsonl") }
        #expect { try SessionWriter.open(folder) } throws: { isNotRegular($0, naming: "session.jsonl") }
        #expect(victim.isUntouched)
    }

    @Test("a live screen's presence is kept as a time, and never written through a planted link")
    func presence() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        let seen = Date(timeIntervalSince1970: 1_775_124_630)
        folder.markPresent(at: seen)
        let kept = try FileManager.default.attributesOfItem(atPath: folder.presence.path)[.modificationDate] as? Date
        #expect(kept == seen)
        try FileManager.default.removeItem(at: folder.presence)
        let victim = try Victim(in: root.url)
        try plantLink(at: folder.presence, to: victim.url)
        let before = try FileManager.default.attributesOfItem(atPath: victim.url.path)[.modificationDate] as? Date
        folder.markPresent(at: seen)
        #expect(victim.isUntouched)
        #expect(try FileManager.default.attributesOfItem(atPath: victim.url.path)[.modificationDate] as? Date == before)
    }

    @Test("a linked notes.md is refused, not written through; the notes are written again once it is gone")
    func linkedNotes() throws {
        let root = try TemporaryFolder()
        let victim = try Victim(in: root.url)
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        try plantLink(at: folder.notes, to: victim.url)
        #expect { try folder.writeNotes("# Notes\n") } throws: { isNotRegular($0, naming: "notes.md") }
        #expect(victim.isUntouched)
        try FileManager.default.removeItem(at: folder.notes)
        #expect(try folder.writeNotes("# Notes\n"))
        #expect(try String(contentsOf: folder.notes, encoding: .utf8) == "# Notes\n")
    }

    @Test("a linked draft.json is neither offered back nor overwritten")
    func linkedDraft() throws {
        let root = try TemporaryFolder()
        let victim = try Victim(in: root.url)
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        try plantLink(at: folder.draft, to: victim.url)
        #expect { try folder.loadDraft(for: Session()) } throws: { isNotRegular($0, naming: "draft.json") }
        #expect { try folder.saveDraft(Draft(text: "typed", kind: .note)) } throws: { isNotRegular($0, naming: "draft.json") }
        #expect(victim.isUntouched)
    }

    @Test("temporary files get fresh names: a link planted under the old predictable name is never opened")
    func plantedTemporaryName() throws {
        let root = try TemporaryFolder()
        let victim = try Victim(in: root.url)
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        for name in ["notes.md", "draft.json"] {
            try plantLink(at: folder.url.appendingPathComponent(".\(name).\(getpid()).tmp"), to: victim.url)
        }
        try folder.writeNotes("# Fresh notes\n")
        try folder.saveDraft(Draft(text: "typed", kind: .note))
        #expect(victim.isUntouched)
        #expect(try folder.loadDraft(for: Session())?.text == "typed")
        // The digest of the notes written is kept beside them; anything else starting with a dot is a temporary left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            .filter { $0.hasPrefix(".") && !$0.hasSuffix(".tmp") && $0 != ".notes-digest" }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    @Test("a folder or a named pipe in a file's place is an error naming it, and never hangs")
    func nonRegularFiles() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        try FileManager.default.createDirectory(at: folder.notes, withIntermediateDirectories: false)
        #expect { try folder.writeNotes("# Notes\n") } throws: { "\($0)".contains("notes.md is a folder") }
        #expect(mkfifo(folder.draft.path, 0o644) == 0)
        #expect { try folder.loadDraft(for: Session()) } throws: { "\($0)".contains("draft.json is a named pipe") }
    }

    @Test("a session appears complete or not at all; a refused one leaves no folder")
    func atomicCreation() throws {
        let root = try TemporaryFolder()
        var blank = StoreFixtures.setup
        blank.details.title = "   "
        #expect(throws: SessionError.self) { try SessionWriter.create(in: root.url, setup: blank, at: StoreFixtures.date) }
        #expect(throws: SessionError.self) {
            try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: StoreFixtures.date) { writer in
                try writer.apply(.pointRemoved(id: EntityID(999)), at: StoreFixtures.date)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path).isEmpty)

        // What a creation killed half-way leaves: hidden, never listed, swept by the next creation.
        let killed = root.url.appendingPathComponent("\(UnfinishedSessions.prefix)99999999-dead", isDirectory: true)
        try FileManager.default.createDirectory(at: killed, withIntermediateDirectories: false)
        try Data().write(to: killed.appendingPathComponent(SessionFolder.journalName))
        let catalog = SessionCatalog(root: root.url)
        #expect(catalog.folders().isEmpty && catalog.load().problems.isEmpty)
        let writer = try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: StoreFixtures.date)
        writer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path) == [writer.folder.name])
        #expect(try writer.folder.load().log.session.details.title == StoreFixtures.setup.details.title)
    }

    @Test("a journal line not as Convene writes it is refused, naming its line and what is wrong", arguments: [
        ("\u{FEFF}", "", "byte-order mark", 1),
        ("", "\r", "carriage return", 1),
    ])
    func foreignLines(prefix: String, suffix: String, problem: String, line: Int) throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        var lines = try String(contentsOf: folder.journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[line - 1] = prefix + lines[line - 1] + suffix
        try (lines.joined(separator: "\n") + "\n").write(to: folder.journal, atomically: false, encoding: .utf8)
        #expect { try folder.load() } throws: { "\($0)".contains("session.jsonl:\(line):") && "\($0)".contains(problem) }
    }

    @Test("a repeated key or an unknown field is refused, naming the line and the key")
    func repeatedAndUnknownKeys() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        let original = try String(contentsOf: folder.journal, encoding: .utf8)
        let repeated = original.replacingOccurrences(of: "{\"at\":", with: "{\"seq\":99,\"at\":")
        try repeated.write(to: folder.journal, atomically: false, encoding: .utf8)
        #expect { try folder.load() } throws: { "\($0)".contains("session.jsonl:1:") && "\($0)".contains("‘seq’ appears twice") }
        let unknown = original.replacingOccurrences(of: "{\"at\":", with: "{\"author\":\"x\",\"at\":")
        try unknown.write(to: folder.journal, atomically: false, encoding: .utf8)
        #expect { try folder.load() } throws: { "\($0)".contains("session.jsonl:1:") && "\($0)".contains("unknown key ‘author’") }
    }

    @Test("repeated keys are found at any depth and only within one object; unknown fields only at the top",
          arguments: [
              (#"{"event":{"b":1,"b":2}}"#, JournalLineCheck.KeyProblem.repeated("b")),
              (#"{"at":1,"event":{"at":2,"author":3},"key":[{"k":1},{"k":2}],"seq":3}"#, nil),
              (#"{"event":"{\"a\":1,\"a\":2}","key":"\\","seq":1}"#, nil),
              (#"{"event":[1,{"y":1,"z":{"y":2},"y":3}]}"#, .repeated("y")),
              (#"{"seq":1,"author":"x"}"#, .unknown("author")),
          ] as [(String, JournalLineCheck.KeyProblem?)])
    func keyScan(line: String, problem: JournalLineCheck.KeyProblem?) {
        #expect(JournalLineCheck.keyProblem(in: Data(line.utf8)) == problem)
    }

    @Test("a writer waits for a held lock up to its limit, then refuses")
    func boundedWait() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        let holder = try SessionWriter.openInTest(folder)
        let clock = ContinuousClock()
        let started = clock.now
        #expect { try SessionWriter.open(folder, wait: .milliseconds(300)) } throws: { "\($0)".contains("only one writer at a time") }
        #expect(clock.now - started >= .milliseconds(300))
        holder.close()
        let next = try SessionWriter.openInTest(folder)
        next.close()
    }

    @Test("an add named with a key is kept once; the key survives reopening")
    func keyedChanges() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        let writer = try SessionWriter.openInTest(folder)
        let point = Point(id: writer.session.nextID, kind: .note, text: "Once", item: EntityID(1), createdAt: StoreFixtures.date)
        try writer.apply(.pointAdded(point: point), at: StoreFixtures.date, key: "script-run-1")
        writer.close()
        let reopened = try SessionWriter.openInTest(folder)
        defer { reopened.close() }
        #expect(try reopened.log.event(forKey: "script-run-1") == .pointAdded(point: point))
    }
}
