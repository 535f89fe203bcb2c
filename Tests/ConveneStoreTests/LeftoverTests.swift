import ConveneCore
@testable import ConveneStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a killed process or a failing disk leaves behind is never taken for what was saved, and
/// does not stay for good.
@Suite("Leftovers of a stop")
struct LeftoverTests {
    private func point(_ id: EntityID, _ text: String, kind: PointKind = .note) -> Point {
        Point(id: id, kind: kind, text: text, item: EntityID(1), createdAt: StoreFixtures.date)
    }

    @Test("a refused change the disk kept in the journal is never replayed, and the next writer cuts it out")
    func refusedTail() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 2)
        let saved = try Data(contentsOf: folder.journal).count
        // What a flush that failed, then a cut that failed too, leave: the line, and the marker.
        var log = try folder.load().log
        let refused = try log.record(.pointAdded(point: point(log.session.nextID, "never saved")), at: StoreFixtures.date)
        let handle = try FileHandle(forWritingTo: folder.journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: try JournalCoding.line(for: refused, encoder: JournalCoding.encoder()))
        try handle.close()
        #expect(folder.markRefusedTail(after: saved))

        let loaded = try folder.load()
        #expect(!loaded.log.session.points.elements.contains { $0.text == "never saved" })
        #expect(loaded.warnings.contains { $0.contains("refused") })
        #expect(try folder.journalEndWarnings() == loaded.warnings)
        // A torn line after the saved part is left out with it: only the refused part is told of.
        let torn = try FileHandle(forWritingTo: folder.journal)
        try torn.seekToEnd()
        try torn.write(contentsOf: Data("{\"seq\":".utf8))
        try torn.close()
        #expect(try folder.journalEndWarnings() == folder.load().warnings)
        #expect(try !folder.replayJournal().log.session.points.elements.contains { $0.text == "never saved" })

        let writer = try SessionWriter.openInTest(folder)
        try writer.apply(.pointAdded(point: point(writer.session.nextID, "saved after")), at: StoreFixtures.date)
        writer.close()
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(SessionFolder.refusedTailName).path))
        let texts = try folder.load().log.session.points.elements.map(\.text)
        #expect(texts.last == "saved after" && !texts.contains("never saved"))
    }

    @Test("a draft whose point reached the journal before the program was killed is not offered back")
    func draftAlreadySaved() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        let writer = try SessionWriter.openInTest(folder)
        defer { writer.close() }
        try folder.saveDraft(Draft(text: "Typed, then saved", kind: .agreement, firstNewID: writer.session.nextID))
        try writer.apply(.pointAdded(point: point(writer.session.nextID, "Typed, then saved", kind: .agreement)), at: StoreFixtures.date)
        // Killed here: the draft's removal never happened.
        #expect(try folder.loadDraft(for: writer.session) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.draft.path))
    }

    @Test("a draft that did not become a point is offered back, even when the same words were saved before it")
    func draftNotSaved() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        let writer = try SessionWriter.openInTest(folder)
        defer { writer.close() }
        try writer.apply(.pointAdded(point: point(writer.session.nextID, "Same words")), at: StoreFixtures.date)
        try folder.saveDraft(Draft(text: "Same words", kind: .note, firstNewID: writer.session.nextID))
        #expect(try folder.loadDraft(for: writer.session)?.text == "Same words")
    }

    @Test("the temporary notes of a writer that was killed are removed by the next write; a live writer's are left")
    func abandonedTemporaries() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 0)
        // A process that has ended: its id names no one now.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = folder.url.appendingPathComponent(".notes.md.\(ended.processIdentifier).Ab12Cd")
        let live = folder.url.appendingPathComponent(".notes.md.\(getppid()).Ef34Gh")
        for file in [abandoned, live] { try "half of the notes".write(to: file, atomically: false, encoding: .utf8) }
        try folder.writeNotes("# Notes\n")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
