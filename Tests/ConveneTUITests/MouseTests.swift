import ConveneCore
@testable import ConveneTUI
import Foundation
import Testing

/// Clicks, as the terminal reports them (a row and a column): the program finds what the frame on
/// screen has there, and the screen selects it as its keys would.
@Suite("Clicking")
struct MouseTests {
    /// Where `text` shows on the screen: its row and the column of its first character.
    private func position(of text: String, in terminal: VirtualTerminal, after row: Int = 0) throws -> (row: Int, column: Int) {
        let lines = try #require(terminal.screen).lines
        let row = try #require(lines.indices.first { $0 >= row && lines[$0].contains(text) }, "‘\(text)’ not on screen:\n\(lines.joined(separator: "\n"))")
        let prefix = try #require(lines[row].range(of: text)).lowerBound
        return (row, DisplayWidth.of(String(lines[row][..<prefix])))
    }

    private func click(_ text: String, in harness: Harness, after row: Int = 0) throws {
        let at = try position(of: text, in: harness.terminal, after: row)
        harness.press(.mouse(row: at.row, column: at.column + 1))
    }

    @Test("a click on a point selects it: d then deletes that point and no other")
    func selectPoint() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        for text in ["First point on purpose", "Second point on trust", "Third point on time"] { harness.add(text) }
        try click("Second point on trust", in: harness)
        harness.press(.character("d"))
        #expect(harness.backend.session.points.elements.map(\.text) == ["First point on purpose", "Third point on time"])
    }

    @Test("a click on an item of the agenda beside the body looks at it; nothing is timed")
    func lookAtAgendaItem() throws {
        let harness = try Harness(width: 120, height: 30)
        harness.press(.character("n"))
        let before = harness.backend.session.agenda.elements
        try click("Next steps", in: harness)
        #expect(harness.screen.contains("Looking at item 4"))
        #expect(harness.backend.session.agenda.elements == before, "a look changed the agenda")
    }

    @Test("in the agenda overlay a click selects an item; Enter starts it with no times on those between")
    func agendaOverlay() throws {
        let harness = try Harness()
        harness.press(.character("o"))
        let top = try position(of: "Projected end", in: harness.terminal).row
        try click("Next steps", in: harness, after: top)
        harness.press(.enter)
        let session = harness.backend.session
        #expect(session.currentItem?.id == EntityID(4))
        for id in 1...3 { #expect(session.agenda[EntityID(id)]?.startedAt == nil, "item \(id) was timed") }
    }

    @Test("a click on a cell of the divergence table puts the cursor there: e fills that cell")
    func divergenceCell() throws {
        let harness = try PhaseScreenTests().diverged(width: 100, height: 30)
        // The empty cell under "Defined across groups" in the row "Measured" is rewritten.
        try click("Standardised tools", in: harness)
        harness.press(.character("e"), .control("u"))
        harness.type("Validated scales")
        harness.press(.enter)
        let topic = try #require(harness.backend.session.topics.elements.first)
        #expect(topic.cell(row: 1, column: 1) == "Validated scales")
        #expect(topic.cell(row: 1, column: 0) == "Stories and qualitative data")
    }

    @Test("a click on a context's number on the 2×2 selects it: d then deletes that context")
    func quadrantNumber() throws {
        let harness = try PhaseScreenTests().assessed()
        let screen = try #require(harness.terminal.screen)
        // The grid is the right-hand part of the panel; its "1" is the first context.
        let cell = try #require((0..<screen.height).lazy.flatMap { row in (screen.width / 2..<screen.width).lazy.map { (row, $0) } }
            .first { screen[$0.0, $0.1].character == "1" && screen.target(atRow: $0.0, column: $0.1) != nil }, "no 1 on the grid")
        harness.press(.mouse(row: cell.0, column: cell.1), .character("d"))
        #expect(harness.backend.session.contexts.elements.map(\.name) == ["Childhood vaccination"])
    }

    @Test("a click where nothing can be selected does nothing, and says nothing")
    func clickOnNothing() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        let before = harness.screen
        harness.press(.mouse(row: 0, column: 1), .mouse(row: harness.terminal.size.height - 1, column: 2))
        #expect(harness.screen == before)
    }

    @Test("home: a click selects a session, a second click on it opens it")
    func homeDoubleClick() throws {
        let backend = MemoryHome()
        backend.sessions = [
            SessionSummary(folder: "2026-04-02-learning", title: "Learning and accountability", date: "2026-04-02", kind: "roundtable",
                           chathamHouse: true, attendees: 9, points: 12),
            SessionSummary(folder: "2026-03-05-peer", title: "Peer group on outcomes", date: "2026-03-05", kind: "peer-learning",
                           chathamHouse: true, attendees: 6, points: 4),
        ]
        let terminal = VirtualTerminal(width: 80, height: 24)
        let program = Program(terminal: terminal, root: HomeScene(backend: backend, today: "2026-04-02"))
        program.draw()
        let at = try position(of: "Peer group on outcomes", in: terminal)
        program.send(.mouse(row: at.row, column: at.column))
        program.draw()
        #expect(backend.opened.isEmpty)
        program.send(.mouse(row: at.row, column: 3))
        #expect(backend.opened == ["2026-03-05-peer"])
    }

    @Test("a frame pasted into another keeps what can be clicked, moved with it and cut to the rows pasted")
    func pastedMarks() {
        var table = Frame(width: 20, height: 10)
        table.mark(Rect(x: 2, y: 1, width: 5, height: 2), .cell(row: 0, column: 0))
        table.mark(Rect(x: 2, y: 6, width: 5, height: 3), .cell(row: 1, column: 0))
        var screen = Frame(width: 40, height: 12)
        screen.mark(screen.bounds, .entry(7))
        screen.paste(table, from: 2, rows: 5, to: 4, column: 10)
        // Table row 2 (the second line of the first cell) lands on screen row 4, column 12.
        #expect(screen.target(atRow: 4, column: 12) == .cell(row: 0, column: 0))
        #expect(screen.target(atRow: 3, column: 12) == .entry(7), "the cell's first line was not pasted")
        #expect(screen.target(atRow: 8, column: 14) == .cell(row: 1, column: 0))
        #expect(screen.target(atRow: 9, column: 14) == .entry(7), "rows below what was pasted")
        #expect(screen.target(atRow: 4, column: 17) == .entry(7), "right of the cell")
    }
}
