import ConveneCore
import Foundation
import Testing

/// A script adding to a long session: each change is saved and answered without waiting for the
/// notes, which follow from a background catch-up; a burst of changes all reach the notes.
@Suite("Changes to a long session")
struct LongSessionTests {
    /// Grows the session to `points` points by appending journal lines as the live screen writes them.
    static func grow(_ journal: URL, to points: Int) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var log = try JournalFile.replayed(journal)
        let item = try #require(log.session.agenda.ids.first)
        var lines = Data()
        let date = Date(timeIntervalSince1970: 1_777_600_000)
        for index in 0..<points {
            let point = Point(id: log.session.nextID, kind: .agreement, text: "Point \(index) on outcomes, café, 日本語", theme: "Theme \(index % 7)",
                              item: item, createdAt: date)
            lines.append(try encoder.encode(log.record(.pointAdded(point: point), at: date)))
            lines.append(0x0A)
        }
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
        try handle.close()
    }

    /// Waits until `condition` holds, up to `seconds`.
    static func eventually(_ seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Background catch-ups still at work on `folder`.
    static func catchUps(of folder: URL) -> Int {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.filter { Int($0) != nil }.count { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.contains("catch-up-notes") && arguments.contains(folder.path)
        }
    }

    /// A new session grown to `points` points by appended journal lines, for `body`; removed after,
    /// once any background catch-up of its notes has finished.
    static func withLongSession(points: Int, _ body: (ConveneProcess, String, URL) throws -> Void) throws {
        let convene = try ConveneProcess()
        let name = try convene.newSession(title: "Long roundtable")
        let folder = convene.sessions.appendingPathComponent(name)
        defer {
            _ = eventually(30) { catchUps(of: folder) == 0 }
            convene.cleanUp()
        }
        try grow(folder.appendingPathComponent("session.jsonl"), to: points)
        try body(convene, name, folder)
    }

    @Test("adding to a session of 1,200 points is saved at once; the notes follow, a burst of adds included")
    func notesFollow() throws {
        try Self.withLongSession(points: 1_200) { convene, name, folder in
            let notes = folder.appendingPathComponent("notes.md")

            let added = try convene.run(["add", name, "point", "A late point on commissioning", "--kind", "agree"])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stderr.isEmpty, "\(added.stderr)")
            let journal = try String(contentsOf: folder.appendingPathComponent("session.jsonl"), encoding: .utf8)
            #expect(journal.contains("A late point on commissioning"))
            #expect(Self.eventually { ((try? String(contentsOf: notes, encoding: .utf8)) ?? "").contains("A late point on commissioning") },
                    "notes.md never caught up")
            // The first open replayed every line, so it left a checkpoint for the next.
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".checkpoint").path))

            for index in 1...6 {
                let burst = try convene.run(["add", name, "point", "Burst point \(index)"])
                #expect(burst.status == 0, "\(burst.stderr)")
            }
            #expect(Self.eventually {
                let text = (try? String(contentsOf: notes, encoding: .utf8)) ?? ""
                return (1...6).allSatisfy { text.contains("Burst point \($0)") }
            }, "the notes missed a change of the burst")
            #expect(Self.eventually(30) { Self.catchUps(of: folder) == 0 }, "a catch-up is still running")
        }
    }

    @Test("notes the background could not write are said by the next change, and caught up once they can be")
    func backgroundFailureIsSaid() throws {
        try Self.withLongSession(points: 1_200) { convene, name, folder in
            let notes = folder.appendingPathComponent("notes.md")
            try? FileManager.default.removeItem(at: notes)
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: false)

            let first = try convene.run(["add", name, "point", "Saved while the notes are stuck"])
            #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
            #expect(Self.eventually(30) { Self.catchUps(of: folder) == 0 }, "the catch-up never ended")

            let second = try convene.run(["add", name, "point", "Saved again"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("saved; notes.md not updated") && second.stderr.contains("is a folder"), "\(second.stderr)")
            #expect(Self.eventually(30) { Self.catchUps(of: folder) == 0 }, "the catch-up never ended")

            try FileManager.default.removeItem(at: notes)
            let third = try convene.run(["add", name, "point", "Saved once the notes could be written"])
            #expect(third.status == 0, "\(third.stderr)")
            #expect(Self.eventually {
                let text = (try? String(contentsOf: notes, encoding: .utf8)) ?? ""
                return ["Saved while the notes are stuck", "Saved again", "Saved once the notes could be written"].allSatisfy(text.contains)
            }, "notes.md never caught up")
            #expect(Self.eventually(30) { Self.catchUps(of: folder) == 0 }, "the catch-up never ended")

            let fourth = try convene.run(["add", name, "point", "All is well"])
            #expect(fourth.status == 0 && fourth.stderr.isEmpty, "an old failure is still said: \(fourth.stderr)")
        }
    }

    @Test("reviewing a long record: it opens at the top, and the end, search and contents reach all of it")
    func reviewLongRecord() throws {
        try Self.withLongSession(points: 3_000) { convene, name, folder in
            let added = try convene.run(["add", name, "point", "The very last point, on commissioning", "--kind", "agree"])
            #expect(added.status == 0, "\(added.stderr)")
            let notes = folder.appendingPathComponent("notes.md")
            #expect(Self.eventually { ((try? String(contentsOf: notes, encoding: .utf8)) ?? "").contains("The very last point") },
                    "notes.md never caught up")
            // Long enough that the reader opens from the notes' opening, not the whole.
            #expect(((try? notes.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) > 100_000)

            let tmux = try Tmux.convene(["review", name], for: convene)
            let top = try tmux.waitFor("Long roundtable · ")
            #expect(top.contains("read-only"), "\(top)")
            // The position is in the whole record (the top of 3,000 points), not in the opening
            // drawn first, which alone would put the first screen several per cent of the way down.
            let position = top.split(separator: "\n").first?.split(separator: " ").last.flatMap { Int($0.dropLast()) }
            #expect(position.map { $0 <= 5 } == true, "\(top)")
            try tmux.send("G")
            let end = try tmux.waitFor("100%")
            #expect(!end.contains("Point 1 on outcomes"), "\(end)")
            try tmux.send("/")
            try tmux.type("Point 2999 on")
            try tmux.press("Enter", until: "hit 1 of 1")
            try tmux.press("g", "t", until: "Contents")
            try tmux.send("Escape", "q")
            try tmux.waitForExit()
        }
    }
}
