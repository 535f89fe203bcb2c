import ConveneCore
import ConveneTUI
import Foundation
import Testing

@Suite("Phases with screens of their own")
struct PhaseScreenTests {
    /// Two contexts rated by two and one people, on the context-assessment item.
    private func assessed(width: Int = 80, height: Int = 24) throws -> Harness {
        let harness = try Harness(width: width, height: height, agenda: MemoryBackend.phaseAgenda)
        harness.press(.character("n"), .character("a"))
        harness.type("Homelessness support")
        harness.press(.enter)
        harness.type("4 2")
        harness.press(.enter)
        harness.press(.character("r"))
        harness.type("5,1")
        harness.press(.enter)
        harness.press(.character("a"))
        harness.type("Childhood vaccination")
        harness.press(.enter)
        harness.type("15")
        harness.press(.enter)
        return harness
    }

    @Test("contexts are rated and placed on Ebrahim's 2×2 at 80×24", .tags(.golden))
    func contexts80() throws {
        let harness = try assessed()
        try expectSnapshot(harness.terminal.screen, named: "live-contexts-80x24")
        let contexts = harness.backend.session.contexts.elements
        #expect(contexts.map(\.name) == ["Homelessness support", "Childhood vaccination"])
        #expect(contexts[0].ratings == [Rating(uncertainty: 4, control: 2), Rating(uncertainty: 5, control: 1)])
        #expect(contexts[0].quadrants == [.highUncertaintyLowControl])
        #expect(harness.screen.contains("U 4.5  C 1.5  spread 4–5/1–2  n=2"))
        #expect(harness.screen.contains("→ Interim outcomes") && harness.screen.contains("→ Outcomes"))
        #expect(harness.screen.contains("┼"))
    }

    @Test("the 2×2 at 160×48", .tags(.golden))
    func contexts160() throws {
        let harness = try assessed(width: 160, height: 48)
        try expectSnapshot(harness.terminal.screen, named: "live-contexts-160x48")
    }

    @Test("a bad rating is refused with what to type, and the prompt stays open")
    func badRating() throws {
        let harness = try assessed()
        harness.press(.character("g"), .character("r"))
        harness.type("9 9")
        harness.press(.enter)
        #expect(harness.screen.contains("Two ratings from 1 to 5"))
        #expect(harness.screen.contains("rate ‘Homelessness support’"))
        for _ in 0..<3 { harness.press(.backspace) }
        harness.type("3 3")
        harness.press(.enter)
        #expect(harness.backend.session.contexts.elements[0].ratings.count == 3)
    }

    @Test("checklist prompts take responses", .tags(.golden))
    func checklist() throws {
        let harness = try Harness(agenda: MemoryBackend.phaseAgenda)
        harness.press(.character("n"), .character("n"), .character("j"), .character("a"))
        harness.type("Partners agreed a purpose before any targets were set.")
        harness.press(.enter)
        try expectSnapshot(harness.terminal.screen, named: "live-checklist-80x24")
        let item = try #require(harness.backend.session.agenda[EntityID(2)])
        #expect(item.responses == ["", "Partners agreed a purpose before any targets were set.", ""])
        harness.press(.character("d"))
        #expect(harness.backend.session.agenda[EntityID(2)]?.responses[1] == "")
    }

    @Test("attendees: add with organisation, change role, send apologies, back to the session", .tags(.golden))
    func attendees() throws {
        let harness = try Harness()
        harness.press(.character("A"), .character("a"))
        harness.type("Michael Little")
        harness.press(.enter)
        harness.type("RATIO")
        harness.press(.enter)
        harness.press(.character("a"))
        harness.type("Val Keen")
        harness.press(.enter, .enter)
        harness.press(.character("x"))
        harness.press(.character("k"), .character("R"))
        try expectSnapshot(harness.terminal.screen, named: "live-attendees-80x24")
        let people = harness.backend.session.attendees.elements
        #expect(people.map(\.name) == ["Michael Little", "Val Keen"])
        #expect(people[0].organisation == "RATIO" && people[0].role == .chair)
        #expect(people[1].organisation == nil && people[1].apologies)
        harness.press(.escape)
        #expect(harness.screen.contains("No points yet"))
    }
}
