import ConveneCore
import ConveneStore
import Foundation
import Testing

/// One way to learn that someone else changed a session, and one owner of its notes.
@Suite("Watching a journal, and the notes that follow it")
struct JournalWatcherTests {
    @Test("the watcher sees an append by another writer, and nothing when nothing changed")
    func seesAppends() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 1)
        let watcher = JournalWatcher(folder: folder)
        #expect(try watcher.refreshed()?.points.count == 1, "the first look finds the session")
        #expect(try watcher.refreshed() == nil, "nothing changed")
        let writer = try SessionWriter.openInTest(folder)
        let point = Point(id: writer.session.nextID, kind: .note, text: "From elsewhere", item: EntityID(1), createdAt: StoreFixtures.date)
        try writer.apply(.pointAdded(point: point), at: StoreFixtures.date)
        writer.close()
        #expect(try watcher.refreshed()?.points.count == 2)
        #expect(!watcher.hasChanged())
    }

    @Test("the notes' catch-up writes what the journal holds, and leaves them no older than it")
    func catchUpFollowsTheJournal() throws {
        let root = try TemporaryFolder()
        let folder = try StoreFixtures.session(in: root.url, points: 2)
        let renderer = try NotesRenderer(source: "# {{title}}\n\n{{#discussion}}{{#points}}- {{text}}\n{{/points}}{{/discussion}}", file: "notes.mustache")
        try SessionNotes(folder: folder, renderer: renderer).catchUp()
        let notes = try String(contentsOf: folder.notes, encoding: .utf8)
        #expect(notes.hasPrefix("# Learning \\& accountability"), "\(notes)")
        #expect(folder.currentNotes() != nil, "the notes are no older than the journal")
    }
}
