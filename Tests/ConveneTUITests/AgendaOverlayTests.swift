import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// The agenda overlay (`o`): replanning while the session runs, each change one undoable event,
/// and the header saying whether the session will end on time.
@Suite("Replanning the agenda on screen")
struct AgendaOverlayTests {
    @Test("Enter on item 4 starts it with no times recorded on items 1 to 3; u takes it back")
    func jumpWithoutTiming() throws {
        let harness = try Harness()
        harness.press(.character("o"))
        #expect(harness.screen.contains("Agenda"))
        #expect(harness.screen.contains("Projected end \(WallClock.text(harness.backend.now.addingTimeInterval(60 * 60)))"))
        harness.press(.character("j"), .character("j"), .character("j"), .enter)
        let session = harness.backend.session
        #expect(session.currentItem?.id == EntityID(4))
        for id in 1...3 { #expect(session.agenda[EntityID(id)]?.startedAt == nil, "item \(id) was timed") }
        #expect(harness.screen.contains("Now on item 4"))
        harness.press(.character("u"))
        #expect(harness.backend.session.currentItem == nil)
    }

    @Test("x skips an item still to come, and next passes over it; + gives five minutes more")
    func skipAndExtend() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("o"), .character("j"), .character("x"))
        #expect(harness.backend.session.agenda[EntityID(2)]?.isSkipped == true)
        #expect(harness.screen.contains("skipped"))
        harness.press(.character("k"), .character("+"))
        #expect(harness.backend.session.agenda[EntityID(1)]?.timebox == 15)
        #expect(harness.screen.contains("10 → 15 min"))
        harness.press(.escape, .character("n"))
        #expect(harness.backend.session.currentItem?.id == EntityID(3))
    }

    @Test("a adds an item after the one under way; K and J move the selected item")
    func addAndMove() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("o"), .character("a"))
        harness.type("Funders' questions")
        // A discussion with no prompt unless told otherwise.
        harness.press(.enter, .enter, .enter)
        let ids = harness.backend.session.agenda.elements.map(\.title)
        #expect(ids[1] == "Funders' questions")
        #expect(harness.screen.contains("Agenda"), "the prompt closes back to the agenda")
        #expect(harness.screen.contains("2  Funders' questions"))
        harness.press(.character("G"), .character("K"))
        #expect(harness.backend.session.agenda.elements.map(\.title)[3] == "Next steps")
        harness.press(.character("u"))
        #expect(harness.backend.session.agenda.elements.last?.title == "Next steps")
    }

    @Test("an added item's phase and prompt are chosen: a second case study is a presentation with its prompt, and has its presenter")
    func addedItemPhaseAndPrompt() throws {
        let harness = try Harness(width: 100, chathamHouse: false)
        harness.press(.character("n"), .character("o"), .character("a"))
        harness.type("Second case study")
        harness.press(.enter)
        #expect(harness.screen.contains("its phase: opening, presentation"), "\(harness.screen)")
        harness.type("banana")
        harness.press(.enter)
        #expect(harness.screen.contains("‘banana’ is not a phase"), "\(harness.screen)")
        harness.press(.control("u"))
        harness.type("case study")
        harness.press(.enter)
        harness.type("What changed for the people the service is for?")
        harness.press(.enter)
        let item = try #require(harness.backend.session.agenda.elements.first { $0.title == "Second case study" })
        #expect(item.phase == .presentation && item.prompt == "What changed for the people the service is for?")
        #expect(harness.screen.contains("✓ Added as item 2, presentation"))
        // Started, it is a presentation: S names its presenter.
        harness.press(.enter, .character("S"))
        harness.type("Ana López")
        harness.press(.enter)
        #expect(harness.backend.session.agenda[item.id]?.speaker == "Ana López")
        #expect(harness.screen.contains("What changed for the people the service is for?"))
    }

    @Test("a hard end shows in the header as minutes over; r re-spreads the time left and the header says on time")
    func hardEndAndRespread() throws {
        let harness = try Harness()
        let start = harness.backend.now
        harness.press(.character("n"), .character("o"), .character("E"))
        harness.type(WallClock.text(start.addingTimeInterval(45 * 60)))
        harness.press(.enter)
        #expect(harness.backend.session.details.hardEnd != nil)
        #expect(harness.screen.contains("15 min over"), "\(harness.screen)")
        harness.press(.character("r"))
        let pending = harness.backend.session.agenda.elements.filter(\.isPending)
        #expect(pending.reduce(0) { $0 + $1.timebox } == 35)
        harness.press(.escape)
        #expect(harness.screen.contains("on time"), "\(harness.screen)")
        harness.press(.character("u"))
        #expect(harness.screen.contains("15 min over"))

        harness.press(.character("o"), .character("E"), .control("u"))
        harness.type("25:99")
        harness.press(.enter)
        #expect(harness.screen.contains("is not a time"))
    }

    /// Moves the clock on and lets the loop tick, as it does twice a second.
    private func wait(_ harness: Harness, minutes: Double) {
        harness.backend.now = harness.backend.now.addingTimeInterval(minutes * 60)
        harness.program.tick()
        harness.program.draw()
    }

    @Test("two minutes before the end and at the end the clock flashes and the bell rings, once each; extended, again")
    func overrunAlerts() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        wait(harness, minutes: 7)
        #expect(harness.terminal.bells == 0)
        wait(harness, minutes: 1)
        #expect(harness.terminal.bells == 1)
        #expect(harness.screen.contains("Item 1: 2 min left"))
        #expect(styleRuns(of: try #require(harness.terminal.screen)).contains("danger bold reverse"), "the clock does not flash")
        wait(harness, minutes: 0.5)
        wait(harness, minutes: 0.5)
        #expect(harness.terminal.bells == 1, "the warning rang twice")
        wait(harness, minutes: 1)
        #expect(harness.terminal.bells == 2)
        #expect(harness.screen.contains("Item 1 is out of time"))
        wait(harness, minutes: 1)
        #expect(harness.terminal.bells == 2, "the end rang twice")
        // Five minutes more: the new end has its own warning and end.
        harness.press(.character("o"), .character("+"), .escape)
        wait(harness, minutes: 2)
        #expect(harness.terminal.bells == 3)
        wait(harness, minutes: 2)
        #expect(harness.terminal.bells == 4)
    }

    @Test("--quiet: no bell and no flash; a session reopened past its thresholds does not ring for them")
    func quietAndReopened() throws {
        let quiet = try Harness(alerts: .quiet)
        quiet.press(.character("n"))
        wait(quiet, minutes: 12)
        #expect(quiet.terminal.bells == 0)
        #expect(!quiet.screen.contains("out of time"))

        let harness = try Harness()
        harness.press(.character("n"))
        harness.backend.now = harness.backend.now.addingTimeInterval(11 * 60)
        let reopened = LiveScene(terminal: harness.terminal, backend: harness.backend, clock: { harness.backend.now })
        let before = harness.terminal.bells
        _ = reopened.receive(.tick)
        #expect(harness.terminal.bells == before, "rang for a threshold passed before the screen opened")
    }
}
