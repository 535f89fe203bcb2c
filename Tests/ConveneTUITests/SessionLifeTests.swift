import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// A session's clock counts only while someone is in it.
@Suite("A session's life")
struct SessionLifeTests {
    @Test("closing the live screen stops the item clock; reopened 9 minutes later it still shows the time spent, says why, and t goes on")
    func clockStopsWhenClosed() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.backend.now += 60
        harness.press(.character("q"))
        #expect(harness.program.isFinished)
        let item = try #require(harness.backend.session.currentItem)
        #expect(!item.isClockRunning && item.elapsed(at: harness.backend.now + 540) == 60)

        harness.backend.now += 540
        let terminal = VirtualTerminal(width: 80, height: 24)
        let backend = harness.backend
        let reopened = Program(terminal: terminal, root: LiveScene(terminal: terminal, backend: backend, clock: { backend.now }))
        reopened.draw()
        let screen = terminal.screen?.text ?? ""
        #expect(screen.contains("01:00 / 10:00"), "\(screen)")
        #expect(screen.contains("Item 1's clock stopped when the session closed 9 min ago; t starts it again"), "\(screen)")
        reopened.send(.character("t"))
        backend.now += 30
        reopened.draw()
        #expect(terminal.screen?.text.contains("01:30 / 10:00") == true)
    }

    @Test("a live screen killed with its clock running: reopened, the clock stopped where the screen was last seen, and says so")
    func killedScreenClockStops() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        // The screen says it is open at every tick, at most every 30 s.
        for _ in 0..<4 {
            harness.backend.now += 30
            harness.program.tick()
        }
        #expect(harness.backend.lastSeen == harness.backend.now)
        let killedAt = harness.backend.now
        // Killed: no close, so nothing stopped the clock. Reopened 20 minutes later.
        harness.backend.now += 1_200
        let terminal = VirtualTerminal(width: 100, height: 24)
        let backend = harness.backend
        let reopened = Program(terminal: terminal, root: LiveScene(terminal: terminal, backend: backend, clock: { backend.now }))
        reopened.draw()
        let item = try #require(backend.session.currentItem)
        #expect(!item.isClockRunning && item.elapsed(at: backend.now) == killedAt.timeIntervalSince(item.startedAt ?? killedAt))
        let screen = terminal.screen?.text ?? ""
        #expect(screen.contains("02:00 / 10:00") && screen.contains("session 02:00"), "\(screen)")
        #expect(screen.contains("clock stopped when Convene was last seen in the session (it did not close) 20 min ago"), "\(screen)")
    }

    @Test("a paused clock stays paused on closing, and nothing is added to the journal for it")
    func pausedStaysPaused() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("t"))
        let before = harness.backend.log.lastSeq
        harness.press(.character("q"))
        #expect(harness.backend.log.lastSeq == before)
    }
}

/// Ending a session: `n` on the last item ends it, and an ended session is amended, never re-timed.
@Suite("Ending a session")
struct SessionEndTests {
    @Test("n on the last item ends the session; n, p, t and the agenda then move nothing, a point is still added, u takes the end back")
    func lastItemEnds() throws {
        let harness = try Harness(width: 100)
        for _ in 0..<4 { harness.press(.character("n")) }
        #expect(harness.screen.contains("4/4  Next steps"))
        harness.backend.now += 120
        harness.press(.character("n"))
        #expect(harness.screen.contains("✓ Session ended at"), "\(harness.screen)")
        let ended = try #require(harness.backend.session.details.endedAt)
        #expect(ended == harness.backend.now)
        #expect(harness.backend.session.currentItem == nil)
        #expect(harness.screen.contains("ended \(WallClock.text(ended)) · amending"))

        let before = harness.backend.session.agenda
        harness.backend.now += 600
        harness.press(.character("n"))
        #expect(harness.screen.contains("The session ended at \(WallClock.text(ended))"))
        harness.press(.character("p"), .character("t"))
        harness.press(.character("o"), .enter, .escape)
        #expect(harness.backend.session.agenda == before, "an ended session's times changed")

        harness.add("Amended afterwards")
        #expect(harness.backend.session.points.elements.contains { $0.text == "Amended afterwards" })
        #expect(harness.backend.session.agenda == before)

        harness.press(.character("u"), .character("u"))
        #expect(harness.backend.session.details.endedAt == nil, "u takes the end back")
        #expect(harness.backend.session.currentItem?.title == "Next steps")
    }
}
