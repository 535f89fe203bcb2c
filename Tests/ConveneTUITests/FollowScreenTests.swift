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
}
