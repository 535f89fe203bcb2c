import Foundation
import Testing

/// `convene export --format md`: the notes as the session keeps them when they are current, never
/// notes someone changed by hand nor ones an older template made; nor do the readers show them.
@Suite("Notes exported as Markdown")
struct MarkdownExportTests {
    /// A session with one point whose notes.md has caught up with it; its folder.
    private func sessionWithCurrentNotes(_ convene: ConveneProcess) throws -> (name: String, notes: URL) {
        let session = try convene.newSession(title: "Exported")
        let added = try convene.run(["add", session, "point", "Costs are shifting between services", "--item", "3"])
        try #require(added.status == 0, "\(added.stderr)")
        try ArchiveSyncTests.eventually("notes.md to show the point") { try convene.notes(of: session).contains("Costs are shifting") }
        let folder = try FileManager.default.contentsOfDirectory(atPath: convene.sessions.path).filter { $0.hasPrefix(session) }
        return (session, convene.sessions.appendingPathComponent(try #require(folder.first)).appendingPathComponent("notes.md"))
    }

    @Test("the export is the notes; a name typed into notes.md by hand is not exported, the record as rendered is")
    func handEditedNotes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (session, notes) = try sessionWithCurrentNotes(convene)
        let exported = try convene.run(["export", session, "--format", "md", "--no-pager"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout == (try String(contentsOf: notes, encoding: .utf8)))

        let rendered = exported.stdout
        let edited = rendered.replacingOccurrences(of: "Costs are shifting", with: "Michael Little said costs are shifting")
        try edited.write(to: notes, atomically: true, encoding: .utf8)
        let again = try convene.run(["export", session, "--format", "md", "--no-pager"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stdout.contains("Michael Little"), "hand-edited notes were exported")
        #expect(again.stdout == rendered)
    }

    @Test("show and review of a session read the record, not notes.md edited by hand nor notes an older template wrote, and bring notes.md up to date")
    func readersTrustOnlyWrittenNotes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (session, notes) = try sessionWithCurrentNotes(convene)
        let written = try String(contentsOf: notes, encoding: .utf8)
        try written.replacingOccurrences(of: "Costs are shifting", with: "Michael Little said costs are shifting")
            .write(to: notes, atomically: true, encoding: .utf8)
        // The file named as a file is shown as it is: that is what it was asked for.
        #expect(try convene.run(["show", notes.path, "--width", "100"]).stdout.contains("Michael Little"))
        let shown = try convene.run(["show", session, "--width", "100"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Costs are shifting") && !shown.stdout.contains("Michael Little"), "\(shown.stdout)")
        // Having had to render them, the reader brought notes.md back to the record in the background.
        try ArchiveSyncTests.eventually("notes.md to be the record again") { try String(contentsOf: notes, encoding: .utf8) == written }

        let templates = convene.home.appendingPathComponent("config/convene/templates", isDirectory: true)
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "---\n{{frontMatter}}\n---\n\n# Briefing: {{title}}\n".write(to: templates.appendingPathComponent("notes.mustache"), atomically: true, encoding: .utf8)
        let briefing = try convene.run(["show", session, "--width", "100"])
        #expect(briefing.status == 0, "\(briefing.stderr)")
        #expect(briefing.stdout.contains("Briefing: Exported"), "\(briefing.stdout)")
        try ArchiveSyncTests.eventually("notes.md to be written through the new template") {
            try String(contentsOf: notes, encoding: .utf8).contains("# Briefing: Exported")
        }
    }

    @Test("show of current notes still tells of a torn last line of the journal, after the notes")
    func showTellsOfTornJournal() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (session, notes) = try sessionWithCurrentNotes(convene)
        let journal = notes.deletingLastPathComponent().appendingPathComponent("session.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":99,\"ev".utf8))
        try handle.close()
        // The notes stay the record: what the torn line held was never saved.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: notes.path)
        let shown = try convene.run(["show", session, "--width", "100"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Costs are shifting"))
        #expect(shown.stderr.contains("session.jsonl:") && shown.stderr.contains("dropped an unfinished last line (13 bytes)"), "\(shown.stderr)")
    }

    @Test("notes written before the notes template changed are rendered again through the new one")
    func changedTemplate() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (session, _) = try sessionWithCurrentNotes(convene)
        let templates = convene.home.appendingPathComponent("config/convene/templates", isDirectory: true)
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "---\n{{frontMatter}}\n---\n\n# Briefing: {{title}}\n".write(to: templates.appendingPathComponent("notes.mustache"), atomically: true, encoding: .utf8)
        let exported = try convene.run(["export", session, "--format", "md", "--no-pager"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("# Briefing: Exported"))
    }
}
