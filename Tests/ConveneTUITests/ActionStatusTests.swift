import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Closing actions and answering questions from the live screen, in one key.
@Suite("Actions and questions on the live screen")
struct ActionStatusTests {
    /// A harness with one action and one question captured under the first item, the action selected.
    private func harnessWithItems() throws -> Harness {
        let harness = try Harness(width: 100)
        harness.press(.character("n"), .character("a"))
        harness.press(.alt("5"))
        harness.type("Circulate the paper")
        harness.press(.enter, .character("a"), .alt("4"))
        harness.type("What counts as evidence?")
        harness.press(.enter, .character("g"))
        return harness
    }

    @Test("x marks the selected action done, says so under it and in the journal; x again opens it; u takes it back")
    func actionDone() throws {
        let harness = try harnessWithItems()
        harness.press(.character("x"))
        let action = try #require(harness.backend.session.points.elements.first { $0.kind == .action })
        #expect(action.status == .done)
        #expect(harness.screen.contains("✓ Done"), "\(harness.screen)")
        #expect(harness.screen.contains("✓ done"), "\(harness.screen)")
        harness.press(.character("x"))
        #expect(harness.backend.session.points[action.id]?.status == nil)
        #expect(harness.screen.contains("✓ Open again"))
        harness.press(.character("X"))
        #expect(harness.backend.session.points[action.id]?.status == .dropped)
        #expect(harness.screen.contains("✗ dropped"))
        harness.press(.character("u"))
        #expect(harness.backend.session.points[action.id]?.status == nil)
    }

    @Test("x on a question asks for its answer; the answer is kept with the question and shown under it")
    func questionAnswered() throws {
        let harness = try harnessWithItems()
        harness.press(.character("j"), .character("x"))
        #expect(harness.screen.contains("answer"), "\(harness.screen)")
        harness.type("Whatever the group agrees")
        harness.press(.enter)
        let question = try #require(harness.backend.session.points.elements.first { $0.kind == .question })
        #expect(question.status == .done && question.answer == "Whatever the group agrees")
        #expect(harness.screen.contains("↳ Whatever the group agrees"), "\(harness.screen)")
        #expect(harness.screen.contains("✓ answered"))
    }

    @Test("x on a note says what it is for and changes nothing")
    func onlyActionsAndQuestions() throws {
        let harness = try Harness(width: 100)
        harness.press(.character("n"), .character("a"), .alt("1"))
        harness.type("A plain note")
        harness.press(.enter, .character("g"))
        let before = harness.backend.log.lastSeq
        harness.press(.character("x"))
        #expect(harness.backend.log.lastSeq == before)
        #expect(harness.screen.contains("Select an action or a question"))
    }

    @Test("b makes the selected point a paragraph of its own in the notes, and a bullet again")
    func paragraphOrBullet() throws {
        let harness = try Harness(width: 100)
        harness.press(.character("n"), .character("a"), .alt("1"))
        harness.type("Defining a shared purpose was seen as useful.")
        harness.press(.enter, .character("g"), .character("b"))
        let point = try #require(harness.backend.session.points.elements.first)
        #expect(point.layout == .paragraph)
        #expect(harness.screen.contains("¶ paragraph") && harness.screen.contains("✓ A paragraph of its own in the notes"))
        harness.press(.character("b"))
        #expect(harness.backend.session.points[point.id]?.layout == .bullet)
    }
}
