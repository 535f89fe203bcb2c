import ConveneCore
@testable import ConveneStore
import Foundation
import TestSupport
import Testing

/// A session continued from its checkpoint must be exactly the session its journal replays to:
/// the record, the sequence, every undo step, every script's key. A checkpoint that does not match
/// its journal, or is damaged, must be ignored.
@Suite("Checkpoints")
struct CheckpointTests {
    static let date = StoreFixtures.date
    static let words = ["café", "日本語", "👩🏽‍💻", "outcomes", "trust", "| pipe |", "line\nbreak", "commissioners", "data"]

    /// Applies one random change a note-taker or a script could make; refused ones are skipped.
    static func randomChange(to writer: SessionWriter, _ generator: inout SeededGenerator) throws {
        let session = writer.session
        let pointIDs = session.points.ids
        let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "x" }.joined(separator: " ")
        let item = session.agenda.ids.randomElement(using: &generator)
        let event: SessionEvent
        switch Int.random(in: 0..<20, using: &generator) {
        case 0..<8:
            event = .pointAdded(point: Point(
                id: session.nextID, kind: PointKind.allCases.randomElement(using: &generator) ?? .note, text: text,
                theme: Bool.random(using: &generator) ? "Theme " + text.prefix(3) : nil, item: item,
                speaker: Bool.random(using: &generator) ? "Anna Randle" : nil, createdAt: date))
        case 8, 9:
            guard let id = pointIDs.randomElement(using: &generator), var point = session.points[id] else { return }
            point.text = text
            point.editedAt = date.addingTimeInterval(60)
            // What a series follows an action or a question by, kept like every other field.
            if Bool.random(using: &generator) {
                point.owner = "Ana López"
                point.due = "2026-05-01"
                point.status = PointStatus.allCases.randomElement(using: &generator)
                point.answer = Bool.random(using: &generator) ? text : nil
                point.origin = PointOrigin(session: SessionReference(folder: "2026-03-01-first", title: "First", date: "2026-03-01"),
                                           point: EntityID(Int.random(in: 1...99, using: &generator)))
            }
            event = .pointChanged(point: point)
        case 10:
            guard let id = pointIDs.randomElement(using: &generator) else { return }
            event = .pointRemoved(id: id)
        case 11:
            guard let id = pointIDs.randomElement(using: &generator) else { return }
            event = .pointMoved(id: id, to: Int.random(in: 0...pointIDs.count, using: &generator))
        case 12:
            event = .attendeeAdded(attendee: Attendee(id: session.nextID, name: "Person \(session.lastID)", organisation: text))
        case 13:
            event = .topicAdded(topic: DivergenceTopic(id: session.nextID, title: text, item: item, perspectives: ["A", "B"],
                                                       dimensions: ["Cost"], cells: [[text, ""]]))
        case 14:
            event = .contextAdded(context: ContextAssessment(id: session.nextID, name: text, item: item,
                                                             ratings: [Rating(uncertainty: 2, control: 4)]))
        case 15:
            event = .findingAcknowledged(key: "finding \(text)")
        default:
            if writer.log.canUndo { try writer.undo(at: date) }
            return
        }
        let key: String? = Int.random(in: 0..<6, using: &generator) == 0 ? "script-\(session.lastID)" : nil
        do {
            try writer.apply(event, at: date, key: key)
        } catch is SessionError {
            // Refused (e.g. moving a point past the end): nothing changed.
        }
    }

    static func journalBytes(_ folder: SessionFolder) throws -> Data {
        try Data(contentsOf: folder.journal)
    }

    /// Writes a checkpoint of the writer's session now, whatever its size.
    static func checkpoint(_ writer: SessionWriter) throws {
        try CheckpointFile.write(writer.log, journalPrefix: journalBytes(writer.folder), in: writer.folder)
    }

    /// Undoes both logs step by step to creation, expecting the same records and sessions throughout.
    static func expectSameUndoHistory(_ restored: SessionLog, _ replayed: SessionLog, seed: UInt64) throws {
        var restored = restored
        var replayed = replayed
        while replayed.canUndo {
            #expect(restored.canUndo, "seed \(seed)")
            let id = EventID.random()
            let expected = try replayed.recordUndo(at: date, id: id)
            let found = try restored.recordUndo(at: date, id: id)
            #expect(found == expected, "seed \(seed)")
            #expect(restored.session == replayed.session, "seed \(seed)")
        }
        #expect(!restored.canUndo, "seed \(seed)")
    }

    @Test("continuing from a checkpoint gives the session, undo steps and keys of a full replay", arguments: 0..<12)
    func sameAsFullReplay(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let root = try TemporaryFolder()
        let writer = try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: Self.date)
        defer { writer.close() }
        for _ in 0..<Int.random(in: 20...160, using: &generator) { try Self.randomChange(to: writer, &generator) }
        try Self.checkpoint(writer)
        let tail = Int.random(in: 0...40, using: &generator)
        for _ in 0..<tail { try Self.randomChange(to: writer, &generator) }
        // Undo reaches back past the checkpoint.
        for _ in 0..<Int.random(in: 0...8, using: &generator) where writer.log.canUndo { try writer.undo(at: Self.date) }

        let data = try Self.journalBytes(writer.folder)
        let replayed = try JournalReader.parse(data, path: "session.jsonl")
        let restored = try writer.folder.load()
        #expect(restored.linesReplayed < replayed.linesReplayed, "the checkpoint was not used (seed \(seed))")
        #expect(restored.log.session == replayed.log.session, "seed \(seed)")
        #expect(restored.log.session.lastID == replayed.log.session.lastID, "seed \(seed)")
        #expect(restored.log.lastSeq == replayed.log.lastSeq, "seed \(seed)")
        #expect(restored.log.lastClock == replayed.log.lastClock, "seed \(seed)")
        for id in replayed.log.session.agenda.ids + [nil] {
            #expect(restored.log.session.pointIDs(in: id) == replayed.log.session.pointIDs(in: id), "seed \(seed)")
        }
        for key in (1...replayed.log.session.lastID).map({ "script-\($0)" }) {
            #expect(try restored.log.event(forKey: key) == replayed.log.event(forKey: key), "seed \(seed), \(key)")
        }
        try Self.expectSameUndoHistory(restored.log, replayed.log, seed: seed)
    }

    /// A session with a checkpoint over its first lines and a few lines after it.
    private func checkpointedSession(in root: URL, seed: UInt64 = 99) throws -> (folder: SessionFolder, expected: Session, lines: Int, tail: Int) {
        var generator = SeededGenerator(seed: seed)
        let writer = try SessionWriter.create(in: root, setup: StoreFixtures.setup, at: Self.date)
        defer { writer.close() }
        for _ in 0..<80 { try Self.randomChange(to: writer, &generator) }
        try Self.checkpoint(writer)
        let covered = writer.log.lastSeq
        for _ in 0..<5 { try Self.randomChange(to: writer, &generator) }
        return (writer.folder, writer.session, writer.log.lastSeq, writer.log.lastSeq - covered)
    }

    @Test("a damaged, cut-short or foreign checkpoint is ignored and the journal replayed in full")
    func damagedCheckpointIgnored() throws {
        let root = try TemporaryFolder()
        let session = try checkpointedSession(in: root.url)
        let checkpointURL = CheckpointFile.url(in: session.folder)
        let good = try Data(contentsOf: checkpointURL)
        #expect(try session.folder.load().linesReplayed < session.lines)

        var flipped = good
        flipped[flipped.count - 3] ^= 0x20
        let other = try checkpointedSession(in: root.url, seed: 7)
        let foreign = try Data(contentsOf: CheckpointFile.url(in: other.folder))
        var cases: [(String, Data)] = [("a flipped byte", flipped), ("empty", Data()), ("not a checkpoint", Data("{}".utf8))]
        for length in [10, 30, good.count / 2, good.count - 1] { cases.append(("cut at \(length)", good.prefix(length))) }
        cases.append(("another session's", foreign))
        for (name, bytes) in cases {
            try bytes.write(to: checkpointURL)
            let loaded = try session.folder.load()
            #expect(loaded.log.session == session.expected, "\(name)")
            #expect(loaded.log.lastSeq == session.lines, "\(name)")
            #expect(loaded.linesReplayed == session.lines, "\(name): replayed \(loaded.linesReplayed)")
        }
    }

    @Test("digested while the body is decoded, a damaged checkpoint or a changed journal is still refused")
    func digestedAlongside() throws {
        let root = try TemporaryFolder()
        let session = try checkpointedSession(in: root.url)
        let checkpoint = try Data(contentsOf: CheckpointFile.url(in: session.folder))
        let journal = try Self.journalBytes(session.folder)
        let restored = try CheckpointFile.decode(checkpoint, matching: journal, digestingAlongside: 0)
        let replayed = try JournalReader.parse(journal.prefix(restored.length), path: "session.jsonl")
        #expect(restored.log.session == replayed.log.session)
        var flipped = checkpoint
        flipped[flipped.count - 3] ^= 0x20
        #expect(throws: CheckpointError.self) { try CheckpointFile.decode(flipped, matching: journal, digestingAlongside: 0) }
        var edited = journal
        let position = try #require(edited.firstRange(of: Data("café".utf8)))
        edited.replaceSubrange(position, with: Data("cafè".utf8))
        #expect(edited.count == journal.count && edited != journal)
        #expect(throws: CheckpointError.self) { try CheckpointFile.decode(checkpoint, matching: edited, digestingAlongside: 0) }
    }

    @Test("a journal changed behind the checkpoint's back is replayed in full; one only added to is continued")
    func journalChangedBehindItsBack() throws {
        let root = try TemporaryFolder()
        let session = try checkpointedSession(in: root.url)
        let original = try Self.journalBytes(session.folder)

        // Synced from another machine where `convene add` ran: only lines added. The checkpoint still holds.
        let elsewhere = try SessionWriter.openInTest(session.folder)
        try elsewhere.apply(.findingAcknowledged(key: "added elsewhere"), at: Self.date)
        let extended = elsewhere.session
        elsewhere.close()
        let continued = try session.folder.load()
        #expect(continued.log.session == extended)
        #expect(continued.linesReplayed == session.tail + 1)

        // The same length, one earlier line different: a text edited in the journal by hand.
        var edited = original
        let position = try #require(edited.firstRange(of: Data("café".utf8)))
        edited.replaceSubrange(position, with: Data("cafes".utf8))
        #expect(edited.count == original.count)
        try edited.write(to: session.folder.journal)
        let reread = try session.folder.load()
        #expect(reread.linesReplayed == session.lines)
        #expect(try reread.log.session == JournalReader.parse(edited, path: "edited").log.session)

        // Cut shorter than the checkpoint (lines removed by hand).
        let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false)
        let shorter = Data(lines.prefix(40).joined(separator: [0x0A])) + Data([0x0A])
        try shorter.write(to: session.folder.journal)
        let cut = try session.folder.load()
        #expect(cut.log.lastSeq == 40)
        #expect(cut.linesReplayed == 40)
    }

    @Test("a link planted as the checkpoint is neither read nor followed")
    func plantedLink() throws {
        let root = try TemporaryFolder()
        let session = try checkpointedSession(in: root.url)
        let checkpointURL = CheckpointFile.url(in: session.folder)
        let target = root.url.appendingPathComponent("elsewhere")
        try Data(contentsOf: checkpointURL).write(to: target)
        try FileManager.default.removeItem(at: checkpointURL)
        try FileManager.default.createSymbolicLink(at: checkpointURL, withDestinationURL: target)
        let before = try Data(contentsOf: target)

        let loaded = try session.folder.load()
        #expect(loaded.linesReplayed == session.lines)
        #expect(loaded.log.session == session.expected)
        let writer = try SessionWriter.openInTest(session.folder)
        defer { writer.close() }
        #expect(throws: StoreError.self) { try Self.checkpoint(writer) }
        #expect(try Data(contentsOf: target) == before)
    }

    @Test("a writer keeps a checkpoint once a session is long, and the next open replays only its tail")
    func writerRenewsCheckpoint() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 400)
        #expect(!FileManager.default.fileExists(atPath: CheckpointFile.url(in: folder).path))

        let writer = try SessionWriter.openInTest(folder)
        writer.saveCheckpointIfDue()
        writer.close()
        #expect(FileManager.default.fileExists(atPath: CheckpointFile.url(in: folder).path))

        let reopened = try SessionWriter.openInTest(folder)
        let point = Point(id: reopened.session.nextID, kind: .note, text: "After the checkpoint", createdAt: Self.date)
        try reopened.apply(.pointAdded(point: point), at: Self.date, key: "tail-1")
        reopened.saveCheckpointIfDue() // one line since: not due
        reopened.close()
        let loaded = try folder.load()
        #expect(loaded.linesReplayed == 1)
        #expect(loaded.log.session.points.count == 401)
        #expect(try loaded.log.event(forKey: "tail-1") == .pointAdded(point: point))

        // Undo from a restored log reaches the lines before the checkpoint.
        let undoing = try SessionWriter.openInTest(folder)
        defer { undoing.close() }
        try undoing.undo(at: Self.date)
        try undoing.undo(at: Self.date)
        #expect(undoing.session.points.count == 399)
    }

    @Test("notes.md is read as the session's notes only while it is as new as the journal (and what made it), and, when asked, as written")
    func currentNotes() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        #expect(folder.currentNotes() == nil, "no notes yet")
        try folder.writeNotes("# Notes as written\n")
        #expect(folder.currentNotes() == "# Notes as written\n")
        // A change after the notes (a line appended by a writer killed before its notes).
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: folder.journal.path)
        #expect(folder.currentNotes() == nil)
        // The same notes written for the newer journal (a change they do not show) are current again.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-5)], ofItemAtPath: folder.journal.path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-10)], ofItemAtPath: folder.notes.path)
        #expect(folder.currentNotes() == nil)
        try folder.writeNotes("# Notes as written\n")
        #expect(folder.currentNotes() == "# Notes as written\n")
        #expect(folder.currentNotes(asWritten: true) == "# Notes as written\n")
        // Changed by hand: still newer than the journal, but not what was written.
        try "# Notes with a name\n".write(to: folder.notes, atomically: true, encoding: .utf8)
        #expect(folder.currentNotes(asWritten: true) == nil)
        // Made by a template changed since.
        let template = root.url.appendingPathComponent("notes.mustache")
        try "{{title}}".write(to: template, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: template.path)
        #expect(folder.currentNotes(alsoAfter: [template.path]) == nil)
        try FileManager.default.removeItem(at: folder.notes)
        try FileManager.default.createSymbolicLink(at: folder.notes, withDestinationURL: folder.journal)
        #expect(folder.currentNotes() == nil, "a link planted as notes.md is not read")
    }

    @Test("the fingerprint of bytes given in pieces is the fingerprint of them all at once")
    func fingerprintInPieces() {
        var random = SeededGenerator(seed: 5)
        for length in Array(0...100) + [1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let piece = 32 * Int.random(in: 1...4, using: &random)
            var digest = ContentDigest.Running(count: length)
            for start in stride(from: 0, to: length, by: piece) {
                bytes[start..<min(start + piece, length)].withUnsafeBytes { digest.add($0) }
            }
            #expect(digest.value == ContentDigest.of(Data(bytes)), "\(length) bytes in pieces of \(piece)")
        }
    }

    @Test("the journal's fingerprint changes when any byte changes, two words trade places or a byte is added")
    func fingerprintSeesEveryChange() {
        var random = SeededGenerator(seed: 23)
        for length in Array(0...80) + [1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let digest = ContentDigest.of(Data(bytes))
            #expect(ContentDigest.of(Data(bytes + [0])) != digest, "a zero byte added to \(length) bytes")
            for place in 0..<length {
                var changed = bytes
                changed[place] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                #expect(ContentDigest.of(Data(changed)) != digest, "one bit changed at \(place) of \(length)")
            }
            for word in stride(from: 0, to: length - 15, by: 8) where bytes[word..<word + 8] != bytes[word + 8..<word + 16] {
                var traded = bytes
                traded.replaceSubrange(word..<word + 16, with: bytes[word + 8..<word + 16] + bytes[word..<word + 8])
                #expect(ContentDigest.of(Data(traded)) != digest, "words at \(word) and \(word + 8) of \(length) traded")
            }
        }
    }
}
