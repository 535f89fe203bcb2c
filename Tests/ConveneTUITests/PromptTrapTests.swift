import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Prompts that say what they answer, and open where the person will type.
@Suite("Prompts that say what they answer")
struct PromptTrapTests {
    @Test("a checklist response's prompt names the principle it answers")
    func checklistPromptNamed() throws {
        let harness = try Harness(agenda: MemoryBackend.phaseAgenda)
        harness.press(.character("n"), .character("n"), .character("j"), .character("a"))
        #expect(harness.screen.contains("response to 2. ‘Build a shared purpose’"), "\(harness.screen)")
        harness.type("We agreed on a purpose")
        harness.press(.enter)
        #expect(harness.backend.session.agenda[EntityID(2)]?.responses == ["", "We agreed on a purpose", ""])
    }

    @Test("> alone in the theme prompt puts the point under a sub-theme of its theme, never a literal heading")
    func subthemeOfTheCurrentTheme() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("T"))
        harness.type("Accountability > Who answers to whom?")
        harness.press(.enter)
        harness.add("First point")
        harness.press(.character("T"))
        harness.type("> Who decides?")
        harness.press(.enter)
        harness.add("Second point")
        let points = harness.backend.session.points.elements
        #expect(points.map(\.theme) == ["Accountability", "Accountability"])
        #expect(points.map(\.subtheme) == ["Who answers to whom?", "Who decides?"])
    }

    @Test("the review's x moves on to the next place to review; Enter opens the text with the cursor on the words found")
    func reviewMovesOnAndFixOpensAtTheWords() throws {
        let harness = try Harness()
        harness.press(.character("A"), .character("a"))
        harness.type("Michael Little")
        harness.press(.enter)
        harness.type("RATIO")
        harness.press(.enter, .escape, .character("n"))
        harness.add("A long opening sentence before Michael Little is named.")
        harness.add("RATIO's framework was cited.")
        harness.add("Later, Michael Little came back to it.")
        harness.press(.character("w"), .character("x"))
        let session = harness.backend.session
        #expect(session.acknowledgedFindings.count == 1)
        // The second place is selected: Enter opens it, the cursor before "RATIO".
        harness.press(.enter)
        harness.type("[X]")
        harness.press(.enter)
        #expect(harness.backend.session.points.elements[1].text == "[X]RATIO's framework was cited.")
        harness.press(.escape, .character("w"), .character("j"), .character("j"), .enter)
        harness.type("<")
        harness.press(.enter)
        #expect(harness.backend.session.points.elements[2].text == "Later, <Michael Little came back to it.")
    }
}
