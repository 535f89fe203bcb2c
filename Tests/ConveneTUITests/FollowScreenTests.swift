import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Hands the follow view new states of a session, as a re-read journal would.
final class QueuedSessions: FollowBackend {
    var next: [Session] = []
    func refreshed() throws -> Session? { next.isEmpty ? nil : next.removeFirst() }
}

@Suite("Following a session")
struct FollowScreenTests {
    @Test("the current item, its clock, what comes next and the newest points", .tags(.golden))
    func underway() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.advanceClock(by: 11 * 60)
        for text in ["Complex contexts need adaptive practice.", "Measures matter; how they are used matters more."] {
            harness.add(text)
        }
        let terminal = VirtualTerminal(width: 80, height: 16)
        let backend = QueuedSessions()
        let app = Program(terminal: terminal, root: FollowScene(backend: backend, session: harness.backend.session, clock: { harness.backend.now }))
        app.draw()
        try expectSnapshot(terminal.screen, named: "follow-80x16")
        #expect(terminal.screen?.text.contains("Now: 1/4  Welcome, purpose and the rule") == true)
        #expect(terminal.screen?.text.contains("+01:00 over") == true)

        harness.add("A point committed while someone follows")
        backend.next = [harness.backend.session]
        app.tick()
        app.draw()
        #expect(terminal.screen?.text.contains("A point committed while someone follows") == true)
        #expect(terminal.screen?.text.contains("updated") == true)
    }

    private func follow(_ session: Session, width: Int, height: Int, showsPoints: Bool = true, now: Date) -> VirtualTerminal {
        let terminal = VirtualTerminal(width: width, height: height)
        let app = Program(terminal: terminal, root: FollowScene(backend: QueuedSessions(), session: session, showsPoints: showsPoints,
                                                                clock: { now }))
        app.draw()
        return terminal
    }

    @Test("on a projector-sized terminal: the time left in large type, the prompt beside it", .tags(.golden))
    func largeType() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.advanceClock(by: 3 * 60 + 30)
        let terminal = follow(harness.backend.session, width: 100, height: 30, now: harness.backend.now)
        try expectSnapshot(terminal.screen, named: "follow-large-100x30")
        let text = terminal.screen?.text ?? ""
        #expect(text.contains("███"), "no large digits")
        #expect(text.contains("left of 10 min"))
        #expect(text.contains("Say why the group is meeting"))
    }

    @Test("while contexts are rated, the 2×2 shows them where their ratings put them")
    func contextsOnTheGrid() throws {
        let agenda = [AgendaItem(id: EntityID(1), title: "Which contexts?", phase: .contextAssessment, minutes: 20)]
        let harness = try Harness(agenda: agenda)
        harness.press(.character("n"))
        try harness.backend.apply(.contextAdded(context: ContextAssessment(
            id: harness.backend.session.nextID, name: "Funding cycles", item: EntityID(1),
            ratings: [Rating(uncertainty: 5, control: 1)])), at: harness.backend.now)
        let terminal = follow(harness.backend.session, width: 100, height: 40, now: harness.backend.now)
        let screen = try #require(terminal.screen)
        #expect(screen.text.contains("control over outcomes →"))
        #expect(screen.text.contains("1 Funding cycles · 1 rating"))
        // High uncertainty, little control: the number in the top-left quadrant of the grid.
        let gridTop = try #require(screen.lines.firstIndex { $0.contains("↑ uncertainty") })
        let marked = try #require(screen.lines.indices.first { $0 > gridTop && screen.lines[$0].dropFirst(1).prefix(3).contains("1") })
        #expect(marked < gridTop + 4, "the context is not near the top of the grid")
    }

    @Test("--no-points: the agenda and the clock only, not one point")
    func agendaOnly() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.add("Complex contexts need adaptive practice.")
        let terminal = follow(harness.backend.session, width: 80, height: 20, showsPoints: false, now: harness.backend.now)
        let text = terminal.screen?.text ?? ""
        #expect(!text.contains("Complex contexts"))
        #expect(text.contains("▶ 1  Welcome, purpose and the rule"))
        #expect(text.contains("4  Next steps"))
    }

    @Test("following shows the item's own points under their themes, and Next is what n would start after a jump")
    func themesAndNext() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.add("On the first item")
        // Jump to item 3 in the agenda: item 2 was never started, and n would go on to item 4.
        harness.press(.character("o"), .character("j"), .character("j"), .enter, .character("T"))
        harness.type("Accountability > To whom?")
        harness.press(.enter)
        harness.add("Under a sub-theme")
        let terminal = follow(harness.backend.session, width: 80, height: 24, now: harness.backend.now)
        let text = terminal.screen?.text ?? ""
        #expect(text.contains("◆ Accountability") && text.contains("◇ To whom?"), "\(text)")
        #expect(text.contains("Under a sub-theme"))
        #expect(!text.contains("On the first item"), "a point of another item")
        #expect(text.contains("Next: Next steps"), "\(text)")
    }

    @Test("a divergence table taller than the room shows its end and says how much is above")
    func tallTable() throws {
        let harness = try PhaseScreenTests().diverged()
        for number in 1...8 {
            harness.press(.character("c"))
            harness.type("Caveat number \(number) on how the contexts differ")
            harness.press(.enter)
        }
        let terminal = follow(harness.backend.session, width: 80, height: 20, now: harness.backend.now)
        let text = terminal.screen?.text ?? ""
        #expect(text.contains("more lines of ‘How outcomes are defined, measured and used’ above"), "\(text)")
        #expect(text.contains("Caveat number 8"))
    }
}
