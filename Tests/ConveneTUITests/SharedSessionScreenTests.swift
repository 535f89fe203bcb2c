import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// The live screen in a session shared by several people: who is in it, a participant's
/// proposals, and the note-takers' queue.
@Suite("The live screen, shared")
struct SharedSessionScreenTests {
    static let facilitator = LivePerson(name: "ana", role: .facilitator)

    /// A harness whose screen is `me`'s, in a session with the facilitator and `me`.
    private func harness(as me: LivePerson, chathamHouse: Bool = true) throws -> Harness {
        let harness = try Harness(chathamHouse: chathamHouse)
        harness.backend.me = me
        harness.backend.people = me == Self.facilitator ? [me] : [Self.facilitator, me]
        harness.press(.character("n"), .character("n"))
        return harness
    }

    @Test("the rule under the header says who is in and in what role, this screen's person first marked")
    func presence() throws {
        let harness = try harness(as: LivePerson(name: "ben", role: .noteTaker))
        #expect(harness.screen.contains("2 here: ana facilitator · you, ben note-taker"))
        let alone = try Harness()
        #expect(!alone.screen.contains("here:"), "a screen alone in its session shows nobody")
    }

    @Test("a participant's point goes to the note-takers' queue, not into the record")
    func participantProposes() throws {
        let harness = try harness(as: LivePerson(name: "zoe", role: .participant))
        harness.add("Who decides what counts as an outcome?")
        #expect(harness.backend.session.points.isEmpty)
        let proposal = try #require(harness.backend.session.proposals.elements.first)
        #expect(proposal.text == "Who decides what counts as an outcome?")
        #expect(proposal.item == harness.backend.session.currentItem?.id)
        #expect(harness.screen.contains("✓ Proposed"))
    }

    @Test("a note-taker sees how many proposals wait, accepts one as it is, edits and accepts another, dismisses a third")
    func noteTakerQueue() throws {
        let harness = try harness(as: LivePerson(name: "ben", role: .noteTaker))
        let item = harness.backend.session.currentItem?.id
        for (offset, text) in ["Trust is built slowly", "Funders want numbers", "Off topic"].enumerated() {
            let id = EntityID(harness.backend.session.nextID.rawValue)
            try harness.backend.apply(.proposalAdded(proposal: Proposal(id: id, kind: offset == 1 ? .question : .note, text: text, item: item,
                                                                       proposedAt: harness.backend.now)), at: harness.backend.now)
        }
        harness.program.tick()
        harness.program.draw()
        #expect(harness.screen.contains("3 proposals waiting (m)"))
        harness.press(.character("m"))
        #expect(harness.screen.contains("Proposed by participants"))
        #expect(harness.screen.contains("Trust is built slowly"))
        harness.press(.enter)
        #expect(harness.screen.contains("✓ Accepted into the record"))
        harness.press(.character("e"))
        harness.press(.end)
        harness.type(" on every grant?")
        harness.press(.enter)
        harness.press(.character("d"))
        #expect(harness.screen.contains("✓ Dismissed"))
        let points = harness.backend.session.points.elements
        #expect(points.map(\.text) == ["Trust is built slowly", "Funders want numbers on every grant?"])
        #expect(points.map(\.kind) == [.note, .question])
        #expect(points.allSatisfy { $0.item == item && $0.speaker == nil })
        #expect(harness.backend.session.proposals.isEmpty)
        // Dismissing and accepting are one change each: undo puts the proposal back, and takes the
        // point it became out.
        harness.press(.escape, .character("u"), .character("u"))
        #expect(harness.backend.session.proposals.elements.map(\.text) == ["Funders want numbers", "Off topic"])
        #expect(harness.backend.session.points.elements.map(\.text) == ["Trust is built slowly"])
    }

    @Test("m with nothing waiting says so")
    func emptyQueue() throws {
        let harness = try harness(as: LivePerson(name: "ben", role: .noteTaker))
        harness.press(.character("m"))
        #expect(harness.screen.contains("No proposals waiting"))
    }

    @Test("the facilitator opens a dot vote with V (question, options, dots); dots are placed with + and -, cast with Enter, and c closes it")
    func dotVote() throws {
        let harness = try harness(as: Self.facilitator)
        harness.press(.character("V"))
        #expect(harness.screen.contains("what the room votes on"))
        harness.press(.enter)
        harness.press(.control("u"))
        harness.type("Trust; Data; Skills")
        harness.press(.enter)
        #expect(harness.screen.contains("dots each person places"))
        harness.press(.enter)
        #expect(harness.screen.contains("✓ Vote open"))
        #expect(harness.screen.contains("Which of these matter most?"))
        harness.press(.character("j"), .character("+"), .character("+"), .character("k"), .character("+"), .character("+"))
        #expect(harness.screen.contains("All 3 dots are placed"))
        harness.press(.enter)
        #expect(harness.screen.contains("✓ Your 3 dots cast"))
        let vote = try #require(harness.backend.session.votes.elements.first)
        #expect(vote.options == ["Trust", "Data", "Skills"] && vote.dots == 3)
        #expect(vote.tally == [1, 2, 0])
        // Cast again: the first ballot is replaced, not added to.
        harness.press(.character("-"), .enter)
        #expect(harness.backend.session.votes.elements.first?.tally == [0, 2, 0])
        #expect(harness.backend.session.votes.elements.first?.ballots.count == 1)
        harness.press(.character("c"))
        #expect(harness.screen.contains("✓ Vote closed · most dots: Data (2)"))
        #expect(harness.backend.session.votes.elements.first?.isOpen == false)
    }

    @Test("with no vote open, V tells a participant who opens one")
    func noVote() throws {
        let harness = try harness(as: LivePerson(name: "zoe", role: .participant))
        harness.press(.character("V"))
        #expect(harness.screen.contains("No vote is open: the facilitator opens one with V"))
    }

    @Test("an edit another writer replaced at the same moment is told, and a brings it back to save again")
    func replacedEdit() throws {
        let harness = try harness(as: LivePerson(name: "ben", role: .noteTaker))
        harness.add("Trust is earned")
        let id = try #require(harness.backend.session.points.ids.first)
        harness.backend.replaced = [ReplacedEdit(point: id, text: "Trust is earned slowly", by: "cleo")]
        harness.program.tick()
        harness.program.draw()
        #expect(harness.screen.contains("cleo changed a point you had just edited"))
        harness.press(.character("a"))
        #expect(harness.screen.contains("Trust is earned slowly"))
        harness.press(.enter)
        #expect(harness.backend.session.points[id]?.text == "Trust is earned slowly")
        #expect(harness.backend.session.points.count == 1)
    }

    @Test("who is editing which point is in the header, and opening a point someone else has open says so")
    func editingPresence() throws {
        let harness = try harness(as: LivePerson(name: "ben", role: .noteTaker))
        harness.add("Outcomes are emergent")
        let id = try #require(harness.backend.session.points.ids.first)
        harness.backend.people = [LivePerson(name: "ana", role: .facilitator, editing: id), LivePerson(name: "ben", role: .noteTaker)]
        harness.program.tick()
        harness.program.draw()
        #expect(harness.screen.contains("ana facilitator ✎ item 2 · point 1"))
        harness.press(.character("G"), .character("e"))
        #expect(harness.backend.sayingEditing == id)
        #expect(harness.screen.contains("ana is editing this point too; the one saved last stands"))
        harness.press(.escape)
        #expect(harness.backend.sayingEditing == nil)
    }
}
