import ConveneCore
@testable import ConveneTUI
import Foundation
import Testing

/// Keeping up with a conversation: fewer keys for the same record.
@Suite("Capture at conversation speed")
struct CaptureSpeedTests {
    /// On the discussion item of the standard agenda.
    private func discussing() throws -> Harness {
        let harness = try Harness()
        harness.press(.character("n"), .character("n"))
        return harness
    }

    @Test("the kind of the last saved point stays for the next one on the item; Tab still cycles")
    func kindStays() throws {
        let harness = try discussing()
        harness.press(.character("a"), .tab)
        harness.type("First agreement")
        harness.press(.enter)
        for index in 2...12 { harness.add("Agreement \(index)") }
        #expect(harness.backend.session.points.elements.map(\.kind) == Array(repeating: .agreement, count: 12))
        harness.press(.character("a"), .tab)
        guard let composer = harness.app.screen.composer else { Issue.record("not composing"); return }
        #expect(composer.kind == .divergence)
        harness.press(.escape)
        // Another item starts from its own phase's kind.
        harness.press(.character("n"))
        harness.press(.character("a"))
        guard let next = harness.app.screen.composer else { Issue.record("not composing"); return }
        #expect(next.kind == .agreement) // item 3 of this agenda is an agreement phase
    }

    @Test("Alt-1 to Alt-5 pick a kind directly", arguments: zip(["1", "2", "3", "4", "5"], PointKind.allCases))
    func kindKeys(digit: Character, kind: PointKind) throws {
        let harness = try discussing()
        harness.press(.character("a"), .alt(digit))
        harness.type("Picked directly")
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.kind == kind)
    }

    @Test("a point selected on an item is selected again after going elsewhere and back")
    func selectionComesBack() throws {
        let harness = try discussing()
        harness.add("One")
        harness.add("Two")
        harness.press(.character("k"))
        let selected = harness.app.screen.selectedPoint(in: harness.backend.session)
        #expect(selected != nil)
        harness.press(.character("n"))
        #expect(harness.app.screen.selectedPoint(in: harness.backend.session) == nil)
        harness.press(.character("p"))
        #expect(harness.app.screen.selectedPoint(in: harness.backend.session) == selected)
    }

    @Test("on a context assessment, r rates the first context without selecting it first")
    func rateWithoutSelecting() throws {
        let harness = try Harness(agenda: MemoryBackend.phaseAgenda)
        harness.press(.character("n"))
        // Added elsewhere (another screen, a script): nothing here has selected it.
        _ = try harness.backend.apply(.contextAdded(context: ContextAssessment(id: harness.backend.session.nextID, name: "Homelessness support")),
                                      at: harness.backend.now)
        harness.press(.character("r"))
        guard let prompt = harness.app.screen.question else { Issue.record("r did not open the rating"); return }
        #expect(prompt.label.hasPrefix("uncertainty, control 1–5 (e.g. 4 2)"))
    }

    @Test("the theme prompt opens with the theme selected: typing replaces it, no Backspaces")
    func themeReplaced() throws {
        let harness = try discussing()
        harness.press(.character("T"))
        harness.type("Importance of context")
        harness.press(.enter)
        harness.press(.character("T"))
        #expect(harness.screen.contains("Importance of context"))
        harness.type("Measurement")
        harness.press(.enter)
        harness.add("Under the new theme")
        #expect(harness.backend.session.points.elements.last?.theme == "Measurement")
    }
}
