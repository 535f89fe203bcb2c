import ConveneCore
@testable import ConveneStore
import Foundation
import TestSupport
import Testing

/// A reader of current notes learns a session's title and series by following its journal
/// (`SessionFolder.latestDetails`), never loading it: it must learn what a load would, and be
/// warned of what a load would warn of, whatever the journal and its checkpoint hold.
@Suite("The latest details, without loading")
struct LatestDetailsTests {
    static let date = StoreFixtures.date

    /// One change of the session's details, as `convene set` or the live screen makes them.
    static func detailsChange(of session: Session, _ generator: inout SeededGenerator) -> SessionEvent? {
        var details = session.details
        let reference = SessionReference(folder: "2026-0\(Int.random(in: 1...9, using: &generator))-01-other",
                                         title: "Other \(Int.random(in: 1...99, using: &generator))", date: "2026-03-01")
        let number = Int.random(in: 1...999, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: details.title = "Title \(number) · café 日本語"
        case 1: details.previous = Bool.random(using: &generator) ? reference : nil
        case 2: details.next = Bool.random(using: &generator) ? reference : nil
        case 3: details.series = Bool.random(using: &generator) ? "Series \(number)" : nil
        case 4: return session.end(at: date)
        default:
            // One change of a script's several, the title among them.
            details.title = "Batched \(number)"
            return .batch(events: [.findingAcknowledged(key: "before \(number)"), .detailsChanged(details: details),
                                   .findingAcknowledged(key: "after \(number)")])
        }
        return .detailsChanged(details: details)
    }

    static func change(_ writer: SessionWriter, _ generator: inout SeededGenerator) throws {
        if Int.random(in: 0..<4, using: &generator) == 0, let event = detailsChange(of: writer.session, &generator) {
            try writer.apply(event, at: date)
        } else {
            try CheckpointTests.randomChange(to: writer, &generator)
        }
    }

    /// Expects `latestDetails` to say what a load of the folder says.
    static func expectSameAsLoad(_ folder: SessionFolder, _ comment: Comment) throws {
        let loaded = try folder.load()
        let latest = try folder.latestDetails()
        #expect(latest.details == loaded.log.session.details, comment)
        #expect(latest.warnings == loaded.warnings, comment)
    }

    @Test("the details a load ends with, from the checkpoint and the lines after it, or the whole journal", arguments: 0..<10)
    func sameAsLoad(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let root = try TemporaryFolder()
        let writer = try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: Self.date)
        for _ in 0..<Int.random(in: 10...120, using: &generator) { try Self.change(writer, &generator) }
        try CheckpointTests.checkpoint(writer)
        for _ in 0..<Int.random(in: 0...30, using: &generator) { try Self.change(writer, &generator) }
        // Undo reaches back past the checkpoint, a change of details included.
        for _ in 0..<Int.random(in: 0...6, using: &generator) where writer.log.canUndo { try writer.undo(at: Self.date) }
        let folder = writer.folder
        writer.close()
        let checkpoint = try Data(contentsOf: CheckpointFile.url(in: folder))
        try Self.expectSameAsLoad(folder, "seed \(seed)")

        // A line half written when a writer stopped, at a few places along it.
        let journal = try Data(contentsOf: folder.journal)
        var torn = journal
        torn.append(Data(#"{"at":"2026-04-02T10:00:00Z","event":{"detailsChanged":{"details":{"title":"never saved"#.utf8))
        for cut in [journal.count + 1, journal.count + 40, torn.count] {
            try torn.prefix(cut).write(to: folder.journal)
            try checkpoint.write(to: CheckpointFile.url(in: folder))
            try Self.expectSameAsLoad(folder, "seed \(seed), torn at \(cut)")
        }
        try journal.write(to: folder.journal)

        // Without the checkpoint, the whole journal is followed.
        try FileManager.default.removeItem(at: CheckpointFile.url(in: folder))
        try Self.expectSameAsLoad(folder, "seed \(seed), no checkpoint")
    }

    @Test("a record set aside by a merge, and a tail the disk refused, change nothing")
    func asideAndRefused() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        var log = try folder.load().log
        var details = log.session.details
        details.title = "Set aside"
        let aside = JournalRecord(seq: log.lastSeq + 1, at: Self.date, event: .detailsChanged(details: details), id: .random(), aside: true)
        let handle = try FileHandle(forWritingTo: folder.journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: JournalCoding.line(for: aside, encoder: JournalCoding.encoder()))
        try Self.expectSameAsLoad(folder, "aside")
        #expect(try folder.latestDetails().details.title == StoreFixtures.setup.details.title)

        // A change the disk refused: reported not saved, never to be read as the title.
        try log.replay(aside)
        let saved = try handle.offset()
        details.title = "Refused"
        let refused = JournalRecord(seq: log.lastSeq + 1, at: Self.date, event: .detailsChanged(details: details), id: .random())
        try handle.write(contentsOf: JournalCoding.line(for: refused, encoder: JournalCoding.encoder()))
        try handle.close()
        #expect(folder.markRefusedTail(after: Int(saved)))
        try Self.expectSameAsLoad(folder, "refused")
        #expect(try folder.latestDetails().details.title == StoreFixtures.setup.details.title)
        #expect(try folder.latestDetails().warnings.count == 1)
    }

    @Test("a line that is not a record is the error a load gives, naming its line")
    func corruptLine() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 3)
        let handle = try FileHandle(forWritingTo: folder.journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":5,\"at\":\"x\"}\n".utf8))
        try handle.close()
        let loadError = #expect(throws: StoreError.self) { try folder.load() }
        let followError = #expect(throws: StoreError.self) { try folder.latestDetails() }
        #expect(followError.map { "\($0)" } == loadError.map { "\($0)" })
        #expect(followError.map { "\($0)" }?.contains("session.jsonl:5") == true)
    }

    @Test("the checkpoint's opening is used only while it matches its journal, a frame longer than a piece included")
    func checkpointOpening() throws {
        let root = try TemporaryFolder()
        let writer = try SessionWriter.create(in: root.url, setup: StoreFixtures.setup, at: Self.date)
        // More than a mebibyte of people, so that the frame runs past the first piece read.
        let attendees = (0..<9_000).map { index in
            SessionEvent.attendeeAdded(attendee: Attendee(id: EntityID(100 + index), name: "Person \(index) " + String(repeating: "é", count: 60),
                                                          organisation: "Organisation \(index) " + String(repeating: "日", count: 20)))
        }
        try writer.apply(.batch(events: attendees), at: Self.date)
        var details = writer.session.details
        details.title = "Before the checkpoint"
        try writer.apply(.detailsChanged(details: details), at: Self.date)
        try CheckpointTests.checkpoint(writer)
        let folder = writer.folder
        let lines = writer.log.lastSeq
        writer.close()
        let checkpoint = try Data(contentsOf: CheckpointFile.url(in: folder))
        #expect(checkpoint.count > 1 << 20)

        func opening() throws -> (details: SessionDetails, lastSeq: Int, length: Int)? {
            let journal = try Data(contentsOf: folder.journal)
            let fd = try POSIX.openRegular(folder.journal.path, flags: O_RDONLY)
            defer { close(fd) }
            return CheckpointFile.opening(in: folder, journal: fd, length: journal.count)
        }
        let matching = try #require(try opening())
        #expect(matching.details.title == "Before the checkpoint")
        #expect(matching.lastSeq == lines)
        #expect(matching.length == (try Data(contentsOf: folder.journal)).count)
        try Self.expectSameAsLoad(folder, "long frame")

        var flipped = checkpoint
        flipped[flipped.count - 3] ^= 0x20
        for (name, bytes) in [("a flipped byte", flipped), ("cut short", checkpoint.prefix(checkpoint.count - 1)), ("empty", Data())] {
            try bytes.write(to: CheckpointFile.url(in: folder))
            #expect(try opening() == nil, "\(name)")
            try Self.expectSameAsLoad(folder, "\(name)")
        }
        try checkpoint.write(to: CheckpointFile.url(in: folder))
        // The journal edited by hand behind the checkpoint's back, its length unchanged.
        let journal = try Data(contentsOf: folder.journal)
        var edited = journal
        let position = try #require(edited.firstRange(of: Data("Person 1 ".utf8)))
        edited.replaceSubrange(position, with: Data("Person 7 ".utf8))
        try edited.write(to: folder.journal)
        #expect(try opening() == nil)
        try Self.expectSameAsLoad(folder, "edited journal")
    }
}
