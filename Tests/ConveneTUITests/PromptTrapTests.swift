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

    @Test("a new divergence topic opens the field for its first column, and the body says so instead of sending P there")
    func firstPerspective() throws {
        let agenda = [AgendaItem(id: EntityID(1), title: "Where we differ", phase: .divergence, minutes: 20)]
        let harness = try Harness(agenda: agenda)
        harness.press(.character("n"), .character("a"))
        harness.type("How outcomes are defined")
        harness.press(.enter)
        #expect(harness.screen.contains("perspective 1"))
        #expect(harness.screen.contains("the first column's name goes in the field below"))
        #expect(!harness.screen.contains("P adds a perspective"))
        harness.type("By each person")
        harness.press(.enter)
        #expect(harness.backend.session.topics.elements.first?.perspectives == ["By each person"])
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

/// Long texts in a field of several lines: reachable line by line, and editable in $EDITOR.
@Suite("Long fields")
struct LongFieldTests {
    @Test("Up and Down move between the lines of a field of several lines, keeping the column; at its edges they are the screen's")
    func upAndDown() {
        var field = TextField(text: "first line\nsecond\nthird line here", allowsLineBreaks: true)
        var taken = field.edit(with: .up)
        #expect(taken && field.cursor == "first line\nsecond".count, "onto the shorter line's end")
        taken = field.edit(with: .up)
        #expect(taken && field.cursor == 6)
        taken = field.edit(with: .up)
        #expect(!taken, "the first line: Up is left to the screen")
        taken = field.edit(with: .down)
        #expect(taken && field.cursor == "first line\n".count + 6)
        var single = TextField(text: "one line", allowsLineBreaks: false)
        taken = single.edit(with: .up)
        #expect(!taken)
    }

    @Test("the top of a long dilemma comes back into view as the cursor goes up to it")
    func topOfALongText() throws {
        let harness = try PhaseScreenTests().diverged()
        harness.press(.character("i"))
        harness.type("A long one")
        harness.press(.enter)
        for line in 1...30 {
            harness.type("Line \(line) of the dilemma")
            if line < 30 { harness.press(.control("j")) }
        }
        #expect(!harness.screen.contains("Line 1 of the dilemma"))
        for _ in 1..<30 { harness.press(.up) }
        #expect(harness.screen.contains("Line 1 of the dilemma"), "\(harness.screen)")
        harness.press(.enter)
        #expect(harness.backend.session.topics.elements.first?.dilemmas.last?.text.hasPrefix("Line 1 of the dilemma\n") == true)
    }

    @Test("Ctrl-X edits a dilemma's text in the editor, as a point's, and Enter saves what came back")
    func editorForADilemma() throws {
        let harness = try PhaseScreenTests().diverged()
        harness.backend.editor = { $0 + "\n\nA paragraph written in the editor." }
        harness.press(.character("i"))
        harness.type("Who decides?")
        harness.press(.enter)
        harness.type("Typed on screen.")
        harness.press(.control("x"))
        #expect(harness.screen.contains("Back from the editor"))
        harness.press(.enter)
        #expect(harness.backend.session.topics.elements.first?.dilemmas.last?.text == "Typed on screen.\n\nA paragraph written in the editor.")
    }
}
