import ConveneCore
import ConveneTUI
import Foundation
import Testing

@Suite("Live screen")
struct LiveScreenTests {
    /// A roundtable under way: on the discussion item, a few points captured.
    private func underway(width: Int = 80, height: Int = 24) throws -> Harness {
        let harness = try Harness(width: width, height: height)
        harness.press(.character("n"))
        harness.advanceClock(by: 9 * 60)
        harness.press(.character("n"))
        harness.advanceClock(by: 4 * 60 + 30)
        harness.press(.character("a"))
        harness.type("Complex contexts need flexible, adaptive practice rather than fixed targets.")
        harness.press(.tab, .enter)
        harness.press(.character("a"))
        harness.type("How is value judged when outcomes are defined by each person? — café, 日本語")
        harness.press(.alt("4"), .enter)
        harness.press(.character("a"), .alt("1"))
        harness.type("Measures matter;")
        harness.press(.control("j"))
        harness.type("how they are used matters more.")
        harness.press(.enter)
        harness.advanceClock(by: 30)
        return harness
    }

    @Test("the discussion phase at 80×24", .tags(.golden))
    func discussion80() throws {
        let harness = try underway()
        try expectSnapshot(harness.terminal.screen, named: "live-discussion-80x24")
    }

    @Test("the discussion phase at 160×48, agenda beside the points", .tags(.golden))
    func discussion160() throws {
        let harness = try underway(width: 160, height: 48)
        harness.press(.character("k"))
        try expectSnapshot(harness.terminal.screen, named: "live-discussion-160x48")
    }

    @Test("typing a point, with its kind shown, at 80×24", .tags(.golden))
    func composing() throws {
        let harness = try underway()
        harness.press(.character("a"))
        harness.type("Contribution, not attribution")
        harness.press(.tab)
        try expectSnapshot(harness.terminal.screen, named: "live-composing-80x24")
        #expect(harness.terminal.screen?.cursor?.row == 22)
        #expect(harness.terminal.screen?.cursor?.column == 14 + "Contribution, not attribution".count)
    }

    @Test("help lists every key of both tables", .tags(.golden))
    func help() throws {
        let harness = try Harness(width: 100, height: 30)
        harness.press(.character("?"))
        try expectSnapshot(harness.terminal.screen, named: "live-help-100x30")
        // Scrolling through the help shows every key of every table.
        var seen = harness.screen
        for _ in 0..<harness.app.screen.helpLines.count {
            harness.press(.character("j"))
            seen += harness.screen
        }
        for binding in KeyMap.standard.live { #expect(seen.contains(binding.help), "\(binding.help)") }
        for binding in KeyMap.standard.compose { #expect(seen.contains(binding.help), "\(binding.help)") }
        for binding in KeyMap.standard.attendees { #expect(seen.contains(binding.help), "\(binding.help)") }
        for binding in KeyMap.standard.agenda { #expect(seen.contains(binding.help), "\(binding.help)") }
        harness.press(.character("x"))
        #expect(!harness.screen.contains("While typing a point"))
    }

    @Test("a terminal too small says so, and recovering loses nothing being typed", .tags(.golden))
    func tooSmall() throws {
        let harness = try underway()
        harness.press(.character("a"))
        harness.type("Half-typed thought")
        harness.terminal.resize(width: 20, height: 6)
        harness.program.draw()
        try expectSnapshot(harness.terminal.screen, named: "too-small-20x6")
        harness.type(" continues")
        harness.terminal.resize(width: 80, height: 24)
        harness.program.draw()
        #expect(harness.screen.contains("Half-typed thought continues"))
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.text == "Half-typed thought continues")
    }

    @Test("Tab cycles the kind while typing, and Enter saves it with that kind")
    func kinds() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("a"))
        harness.type("x")
        var seen: [String] = []
        for _ in 0..<5 {
            let composerRow = try #require(harness.terminal.screen?.lines[22])
            seen.append(String(composerRow.prefix(12)).trimmingCharacters(in: .whitespaces))
            harness.press(.tab)
        }
        #expect(seen == ["note", "agree", "differ", "question", "action"].map { $0 })
        harness.press(.backTab, .enter)
        #expect(harness.backend.session.points.elements.last?.kind == .action)
        #expect(harness.screen.contains("✓ Saved action point"))
    }

    @Test("n and p move through the agenda and keep its timings; t pauses the clock")
    func agenda() throws {
        let harness = try Harness()
        #expect(harness.screen.contains("not started · n to begin"))
        harness.press(.character("n"))
        harness.advanceClock(by: 11 * 60)
        #expect(harness.screen.contains("11:00 / 10:00  +01:00 over"))
        harness.press(.character("t"))
        harness.advanceClock(by: 60)
        #expect(harness.screen.contains("⏸ paused  11:00 / 10:00"))
        harness.press(.character("t"), .character("n"))
        #expect(harness.screen.contains("2/4  Open discussion"))
        let first = try #require(harness.backend.session.agenda[EntityID(1)])
        #expect(first.actualMinutes == 11)
        harness.press(.character("p"))
        #expect(harness.screen.contains("1/4  Welcome"))
    }

    @Test("select, edit, move, delete and undo points")
    func editing() throws {
        let harness = try underway()
        let ids = harness.backend.session.points.ids
        harness.press(.character("g"), .character("e"))
        for _ in 0..<"fixed targets.".count { harness.press(.backspace) }
        harness.type("targets.")
        harness.press(.enter)
        #expect(harness.backend.session.points[ids[0]]?.text == "Complex contexts need flexible, adaptive practice rather than targets.")
        #expect(harness.backend.session.points[ids[0]]?.editedAt != nil)

        harness.press(.character("J"))
        #expect(harness.backend.session.points.ids == [ids[1], ids[0], ids[2]])
        harness.press(.character("d"))
        #expect(!harness.backend.session.points.contains(ids[0]))
        #expect(harness.screen.contains("u to undo"))
        harness.press(.character("u"))
        #expect(harness.backend.session.points.ids == [ids[1], ids[0], ids[2]])
    }

    @Test("T names a theme: points are grouped under it, and a point can move to another theme")
    func themes() throws {
        let harness = try underway()
        let ids = harness.backend.session.points.ids
        harness.press(.character("g"), .character("T"))
        #expect(harness.screen.contains("theme of the point (> sub-theme) ›"))
        harness.type("Importance of context")
        harness.press(.enter)
        #expect(harness.backend.session.points[ids[0]]?.theme == "Importance of context")
        #expect(harness.screen.contains("◆ Importance of context"))

        // Points added after it follow the theme of the selected point.
        harness.add("Contribution, not attribution")
        #expect(harness.backend.session.points.elements.last?.theme == "Importance of context")

        // Moving the first point to another theme; an empty name clears it.
        harness.press(.character("g"), .character("T"))
        for _ in 0..<30 { harness.press(.backspace) }
        harness.type("Limits of measurement")
        harness.press(.enter)
        #expect(harness.backend.session.points[ids[0]]?.theme == "Limits of measurement")
        harness.press(.character("T"))
        for _ in 0..<30 { harness.press(.backspace) }
        harness.press(.enter)
        #expect(harness.backend.session.points[ids[0]]?.theme == nil)
        harness.press(.character("T"), .escape)
        #expect(harness.screen.contains("Left as it was"))
    }

    @Test("Esc puts a point aside and a brings it back; a recovered draft is offered")
    func drafts() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("a"))
        harness.type("Unfinished thought")
        harness.press(.escape)
        #expect(harness.screen.contains("Put aside"))
        harness.app.keepDraft(force: true)
        #expect(harness.backend.draft?.text == "Unfinished thought")
        harness.press(.character("a"))
        #expect(harness.screen.contains("Unfinished thought"))
        harness.type(" finished")
        harness.press(.enter)
        #expect(harness.backend.draft == nil)

        let reopened = try Harness(recovered: Composer(text: "Typed before the crash", kind: .question))
        #expect(reopened.screen.contains("Recovered an unsaved point"))
        reopened.press(.character("a"))
        #expect(reopened.screen.contains("question") && reopened.screen.contains("Typed before the crash"))
    }

    @Test("long lists scroll with the selection, and say there is more above or below")
    func scrolling() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        for number in 1...60 {
            harness.add("Point number \(number)")
        }
        #expect(harness.screen.contains("Point number 60") && !harness.screen.contains("Point number 1\n"))
        // The markers have rows of their own and count what is out of view.
        let lines = { harness.terminal.screen?.lines ?? [] }
        let aboveRow = try #require(lines().firstIndex { $0.contains("↑") })
        #expect(lines()[aboveRow].contains("more points") && !lines()[aboveRow].contains("Point number"))
        let listed = lines().filter { $0.contains("Point number") }.count
        #expect(lines()[aboveRow].contains("↑ \(60 - listed) more points"))
        harness.press(.character("g"))
        #expect(harness.screen.contains("Point number 1") && !harness.screen.contains("Point number 60"))
        #expect(harness.screen.contains("more points · j") && !harness.screen.contains("↑"))
        let belowRow = try #require(lines().firstIndex { $0.contains("↓") })
        #expect(!lines()[belowRow].contains("Point number"))
        for _ in 0..<30 { harness.press(.character("j")) }
        #expect(harness.screen.contains("Point number 31"))
        let selectedRow = try #require(harness.terminal.screen?.lines.firstIndex { $0.contains("Point number 31") })
        #expect(harness.terminal.screen?[selectedRow, 12].style == .selected)
    }

    @Test("a bracketed paste arrives whole: its line breaks stay in the point, and it starts one when browsing")
    func bracketedPaste() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.press(.pasteStart)
        harness.type("First pasted line, with a and n in it")
        harness.press(.enter)
        harness.type("second line")
        harness.press(.tab, .pasteEnd)
        #expect(harness.backend.session.points.isEmpty)
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.text == "First pasted line, with a and n in it\nsecond line")
        #expect(harness.backend.session.points.elements.last?.kind == .note)
    }

    @Test("Ctrl-X hands the text to the editor and brings the edited text back")
    func externalEditor() throws {
        let harness = try Harness()
        harness.backend.editor = { $0 + "\nand a second paragraph written in the editor" }
        harness.press(.character("n"), .character("a"))
        harness.type("A long thought")
        harness.press(.tab, .control("x"))
        #expect(harness.terminal.suspensions == 1)
        #expect(harness.screen.contains("Back from the editor"))
        harness.press(.enter)
        let point = try #require(harness.backend.session.points.elements.last)
        #expect(point.text == "A long thought\nand a second paragraph written in the editor")
        #expect(point.kind == .agreement)

        struct EditorFailed: Error, CustomStringConvertible { var description: String { "exited with status 1" } }
        harness.backend.editor = { _ in throw EditorFailed() }
        harness.press(.character("a"))
        harness.type("Kept")
        harness.press(.control("x"))
        #expect(harness.screen.contains("Editor: exited with status 1"))
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.text == "Kept")
    }

    @Test("pasted text arrives whole and control characters never enter a point")
    func paste() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("a"))
        harness.type("Café £5 — “quoted” 日本語 👍")
        harness.press(.control("j"))
        harness.type("second line")
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.text == "Café £5 — “quoted” 日本語 👍\nsecond line")
    }

    @Test("the Chatham House badge shows when the rule applies, and the attributed label when not")
    func ruleBadge() throws {
        #expect(try Harness().screen.contains("CHATHAM HOUSE RULE"))
        let open = try Harness(chathamHouse: false)
        #expect(open.screen.contains("ATTRIBUTED") && !open.screen.contains("CHATHAM"))
    }

    @Test("a long facilitator's prompt wraps onto a second line instead of being cut")
    func longPrompt() throws {
        let prompt = "Say why the group is meeting, what the record will and will not contain, and that the Chatham House Rule applies."
        let harness = try Harness(agenda: [AgendaItem(id: EntityID(1), title: "Welcome", phase: .opening, minutes: 10, prompt: prompt)])
        let lines = harness.terminal.screen?.lines ?? []
        let shown = lines[2].trimmingCharacters(in: .whitespaces) + " " + lines[3].trimmingCharacters(in: .whitespaces)
        #expect(shown == prompt)
        #expect(lines[4].hasPrefix("───"))
    }

    @Test("a paste whose end marker came split (an Esc, then [201~, as a slow terminal delivers it) still ends: Enter saves")
    func splitPasteEnd() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.terminal.type("two lines")
        harness.terminal.press(.enter)
        harness.terminal.type("of text")
        harness.terminal.press(.escape)
        harness.terminal.type("[201~")
        harness.program.receive(.pasteStart)
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.text == "two lines\nof text")
        #expect(!harness.app.screen.pasting)
    }

    @Test("pasted escape sequences and control keys are text, never commands")
    func pastedCommandsAreText() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("n"))
        harness.press(.pasteStart, .character("a"), .escape, .character("["), .character("2"), .character("J"), .control("x"),
                      .up, .control("g"), .character("b"), .pasteEnd)
        guard let composer = harness.app.screen.composer else {
            Issue.record("the paste was taken as commands")
            return
        }
        #expect(composer.text == "a[2Jb")
    }
}

extension Tag {
    @Tag static var golden: Self

}
