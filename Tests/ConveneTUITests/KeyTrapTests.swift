import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Keys that used to do something other than what the screen on top says: every overlay closes
/// back to what is under it on Esc and q, and a key pressed after an overlay closed belongs to the
/// screen under it.
@Suite("No key traps")
struct KeyTrapTests {
    @Test("? then q on the live screen closes the help, never the session; G and g scroll it")
    func liveHelp() throws {
        let harness = try Harness(height: 30)
        harness.press(.character("?"))
        #expect(harness.screen.contains(" Keys "))
        harness.press(.character("G"))
        #expect(harness.screen.contains(" Keys "), "G closed the help instead of going to its end")
        #expect(harness.screen.contains("any other key closes it"))
        harness.press(.character("g"))
        #expect(harness.screen.contains("Live session"))
        harness.press(.character("q"))
        #expect(!harness.screen.contains(" Keys "))
        #expect(!harness.program.isFinished, "q in the help quit the session")
        harness.press(.character("?"), .escape)
        #expect(!harness.screen.contains(" Keys ") && !harness.program.isFinished)
    }

    @Test("q closes the attendees, the session details, the agenda and the name review, back to the session",
          arguments: ["A", "s", "o"])
    func overlaysClose(key: Character) throws {
        let harness = try Harness()
        harness.press(.character("n"), .character(key))
        let open = harness.screen
        harness.press(.character("q"))
        #expect(!harness.program.isFinished, "q in an overlay quit the session")
        #expect(harness.screen != open)
        #expect(harness.screen.contains("1/4  Welcome"))
    }

    @Test("Enter on an item of the agenda starts it and closes the agenda: the next a adds a point there, not an agenda item")
    func agendaClosesOnStart() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("o"), .character("j"), .character("j"), .enter)
        #expect(harness.backend.session.currentItem?.id == EntityID(3))
        #expect(!harness.screen.contains("Projected end"), "the agenda stayed open")
        harness.add("A point for item 3")
        let session = harness.backend.session
        #expect(session.agenda.count == 4, "the a went to the agenda")
        #expect(session.points.elements.map(\.text) == ["A point for item 3"])
        #expect(session.points.elements.first?.item == EntityID(3))
    }

    @Test("an item added in the agenda is selected: + right after gives it five minutes, not the item under way")
    func addedItemSelected() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("o"), .character("a"))
        harness.type("Funders' questions")
        // Title, phase (a discussion), prompt (none), then +.
        harness.press(.enter, .enter, .enter, .character("+"))
        let session = harness.backend.session
        let added = try #require(session.agenda.elements.first { $0.title == "Funders' questions" })
        #expect(added.timebox == 15)
        #expect(session.agenda[EntityID(1)]?.timebox == 10, "+ changed the item under way")
    }

    @Test("? then q on the home screen closes the help; the home screen stays")
    func homeHelp() throws {
        let terminal = VirtualTerminal(width: 80, height: 24)
        let program = Program(terminal: terminal, root: HomeScene(backend: MemoryHome(), today: "2026-04-02"))
        program.draw()
        for key in [Key.character("?"), .character("q")] { program.send(key) }
        program.draw()
        #expect(!program.isFinished, "q in the help quit the program")
        #expect(!(terminal.screen?.text.contains(" Keys ") ?? true))
    }

    @Test("in the reader, ? then q closes the help, not the reader; / opens on the last search, which typing replaces")
    func readerHelpAndSearch() throws {
        let terminal = VirtualTerminal(width: 80, height: 24)
        let markdown = "# Notes\n\n" + (1...40).map { "Paragraph \($0) on outcomes and trust." }.joined(separator: "\n\n") + "\n"
        let program = Program(terminal: terminal, root: ReaderScene(terminal: terminal, screen: ReaderScreen(title: "notes.md",
                                                                                                             document: MarkdownDocument(parsing: markdown))))
        program.draw()
        for key in [Key.character("?"), .character("q")] { program.send(key) }
        program.draw()
        #expect(!program.isFinished, "q in the help closed the reader")
        for key in [Key.character("/")] + "outcomes".map(Key.character) + [.enter] { program.send(key) }
        for key in [Key.character("/")] + "trust".map(Key.character) { program.send(key) }
        program.draw()
        let screen = terminal.screen?.text ?? ""
        #expect(screen.contains("/trust") || screen.contains("trust"), "\(screen)")
        #expect(!screen.contains("outcomestrust"), "the new search was appended to the last one")
    }
}
