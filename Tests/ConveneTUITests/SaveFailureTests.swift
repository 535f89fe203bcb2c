import ConveneCore
@testable import ConveneTUI
import Foundation
import Testing

/// What the live screen does when the disk refuses a change: says so, keeps what was typed, and
/// saves it on the next Enter once the disk takes it.
@Suite("Live screen when saving fails")
struct SaveFailureTests {
    @Test("a point the disk refused stays in the composer, and Enter saves it once the disk recovers")
    func refusedPointIsKept() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("n"))
        harness.backend.diskFull = true
        harness.add("A thought worth keeping")
        #expect(harness.screen.contains("Not saved: session.jsonl: could not write: No space left on device"))
        guard let composer = harness.app.screen.composer else {
            Issue.record("the composer was closed")
            return
        }
        #expect(composer.text == "A thought worth keeping")
        #expect(harness.backend.session.points.isEmpty)
        harness.backend.diskFull = false
        harness.press(.enter)
        #expect(harness.screen.contains("✓ Saved note point"))
        #expect(harness.backend.session.points.elements.map(\.text) == ["A thought worth keeping"])
    }

    @Test("a prompt's answer the disk refused is still in the prompt")
    func refusedPromptIsKept() throws {
        let harness = try Harness()
        harness.backend.diskFull = true
        harness.press(.character("A"), .character("a"))
        harness.type("Anna Randle")
        harness.press(.enter)
        harness.type("Collaborate")
        harness.press(.enter)
        #expect(harness.screen.contains("Not saved"))
        guard let prompt = harness.app.screen.question else {
            Issue.record("the prompt was closed")
            return
        }
        #expect(prompt.answer == "Collaborate")
        harness.backend.diskFull = false
        harness.press(.enter)
        #expect(harness.backend.session.attendees.elements.map(\.name) == ["Anna Randle"])
    }

    @Test("a change saved while the notes cannot follow says both")
    func notesBehind() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("n"))
        harness.backend.notesProblem = "notes.md is a folder"
        harness.add("Saved all the same")
        #expect(harness.screen.contains("✓ Saved note point; notes.md not updated: notes.md is a folder"))
        #expect(!harness.app.screen.hasOverlay)
        #expect(harness.backend.session.points.count == 1)
    }
}

@Suite("Notes off the commit path")
struct NotesFollowTests {
    @Test("a burst of changes is answered at once and the notes follow once, when the keys pause")
    func onceAfterABurst() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.backend.notesCaughtUp = 0
        for text in ["First point", "Second point", "Third point"] {
            harness.program.send(.character("a"))
            for character in text { harness.program.send(.character(character)) }
            harness.program.send(.enter)
        }
        #expect(harness.backend.session.points.count == 3, "each commit is kept as it is made")
        #expect(harness.backend.notesCaughtUp == 0, "no commit waited for the notes")
        harness.program.pause()
        #expect(harness.backend.notesCaughtUp == 1)
        harness.program.pause()
        #expect(harness.backend.notesCaughtUp == 1, "nothing new: nothing to write")
    }

    @Test("quitting right after a change brings the notes up to date first")
    func beforeQuitting() throws {
        let harness = try Harness()
        harness.press(.character("n"))
        harness.backend.notesCaughtUp = 0
        harness.program.send(.character("a"))
        harness.program.send(.character("x"))
        harness.program.send(.enter)
        harness.program.send(.character("q"))
        #expect(harness.program.isFinished)
        #expect(harness.backend.notesCaughtUp == 1)
    }
}
