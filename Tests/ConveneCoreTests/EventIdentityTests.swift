import ConveneCore
import Foundation
import TestSupport
import Testing

@Suite("Event identity: ids, authors and Lamport clocks")
struct EventIdentityTests {
    private func created() throws -> SessionLog {
        var log = SessionLog()
        _ = try log.record(.created(setup: SessionSetup(details: Fixtures.details(), agenda: Fixtures.agenda, quadrantGuide: Fixtures.guide)),
                           at: Fixtures.start, by: "ana")
        return log
    }

    @Test("every record gets a unique id, its writer and a clock one past the last")
    func stamped() throws {
        var log = try created()
        let first = try log.record(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .note, "one")), at: Fixtures.start, by: "ana")
        let second = try log.record(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .note, "two")), at: Fixtures.start, by: "ben")
        #expect(first.by == "ana" && second.by == "ben")
        #expect(first.clock == 2 && second.clock == 3)
        #expect(first.id != nil && first.id != second.id)
        #expect(log.hasRecent(try #require(second.id)))
        log.rollBack(second)
        #expect(!log.hasRecent(try #require(second.id)), "a record the disk refused is not kept, so a resend must apply")
        #expect(log.lastClock == 2)
    }

    @Test("lines written before ids replay as they are, and the clock continues after them")
    func legacyLines() throws {
        var old = SessionLog()
        // As a journal of the previous version has them: no id, no author, no clock.
        try old.replay(JournalRecord(seq: 1, at: Fixtures.start, event: .created(setup: SessionSetup(details: Fixtures.details(), agenda: Fixtures.agenda))))
        try old.replay(JournalRecord(seq: 2, at: Fixtures.start, event: .pointAdded(point: Fixtures.point(old.session.nextID.rawValue, .note, "kept"))))
        try old.replay(JournalRecord(seq: 3, at: Fixtures.start, event: .pointRemoved(id: old.session.points.ids[0]), undoes: 2))
        #expect(old.session.points.isEmpty)
        let next = try old.record(.pointAdded(point: Fixtures.point(old.session.nextID.rawValue, .note, "new")), at: Fixtures.start, by: "ana")
        #expect(next.clock == 4)
        #expect(next.seq == 4)
    }

    @Test("u takes back your own newest change, leaving another writer's later change in place")
    func undoOwn() throws {
        var log = try created()
        var records: [JournalRecord] = []
        let anaPoint = Fixtures.point(log.session.nextID.rawValue, .note, "ana's point")
        records.append(try log.record(.pointAdded(point: anaPoint), at: Fixtures.start, by: "ana"))
        let benPoint = Fixtures.point(log.session.nextID.rawValue, .agreement, "ben's point")
        records.append(try log.record(.pointAdded(point: benPoint), at: Fixtures.start, by: "ben"))
        #expect(log.canUndo(by: "ana") && log.canUndo(by: "ben") && !log.canUndo(by: "cleo"))

        let undo = try log.recordUndo(at: Fixtures.start, by: "ana")
        records.append(undo)
        #expect(log.session.points.elements.map(\.text) == ["ben's point"])
        #expect(!log.canUndo(by: "ana"))
        #expect(throws: SessionError.nothingToUndo) { try log.recordUndo(at: Fixtures.start, by: "cleo") }

        // The journal replays into the same session and the same undo stacks.
        var replayed = try created()
        for record in records {
            var copy = record
            copy.seq = replayed.lastSeq + 1
            try replayed.replay(copy)
        }
        #expect(replayed.session == log.session)
        #expect(replayed.canUndo(by: "ben") && !replayed.canUndo(by: "ana"))
    }

    @Test("an undo that names someone else's change, or not the writer's newest, is refused on replay")
    func undoOfAnotherRefused() throws {
        var log = try created()
        _ = try log.record(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .note, "ana's")), at: Fixtures.start, by: "ana")
        let ben = try log.record(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .note, "ben's")), at: Fixtures.start, by: "ben")
        let forged = JournalRecord(seq: log.lastSeq + 1, at: Fixtures.start, event: .pointRemoved(id: log.session.points.ids[1]),
                                   undoes: ben.seq, id: .random(), by: "ana", clock: log.lastClock + 1)
        #expect(throws: SessionError.undoMismatch(undoes: ben.seq, newestUndoable: 2)) { try log.replay(forged) }
        #expect(log.session.points.count == 2)
    }

    @Test("records from several writers, in any order, sort into one order: by clock, then id", arguments: 0..<20)
    func mergeOrder(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var records: [JournalRecord] = []
        for index in 0..<40 {
            // Writers apart reach the same clock: the id decides between them.
            let clock = Int.random(in: 1...12, using: &generator)
            let id = EventID(String(format: "%016llx", UInt64.random(in: 0...UInt64.max, using: &generator)))
            records.append(JournalRecord(seq: index + 1, at: Fixtures.start, event: .findingAcknowledged(key: "k\(index)"),
                                         id: id, by: ["ana", "ben", "cleo"][index % 3], clock: clock))
        }
        let once = records.sorted(by: JournalRecord.mergeOrder)
        let again = records.shuffled(using: &generator).sorted(by: JournalRecord.mergeOrder)
        #expect(once == again)
        #expect(zip(once, once.dropFirst()).allSatisfy { ($0.clock ?? 0) <= ($1.clock ?? 0) })
    }
}

@Suite("Proposals and ratings from participants")
struct ContributionTests {
    @Test("a proposal waits outside the record; taken off the queue it can be undone back; its id is never reused")
    func proposalLifecycle() throws {
        var session = Fixtures.roundtable()
        let proposal = Proposal(id: session.nextID, kind: .note, text: "Trust takes time", item: EntityID(4), proposedAt: Fixtures.start)
        let undoAdd = try session.apply(.proposalAdded(proposal: proposal))
        #expect(session.proposals.count == 1)
        #expect(!session.capturedTexts.contains { $0.text.contains("Trust takes time") }, "a proposal is not part of the record")
        #expect(throws: SessionError.duplicateID(proposal.id)) {
            var copy = session
            try copy.apply(.pointAdded(point: Fixtures.point(proposal.id.rawValue, .note, "same id")))
        }
        try session.apply(undoAdd)
        #expect(session.proposals.isEmpty)
        #expect(throws: SessionError.self) { var copy = session; try copy.apply(.proposalAdded(proposal: Proposal(id: session.nextID, kind: .note, text: "", item: nil, proposedAt: Fixtures.start))) }
    }

    @Test("a participant may propose and rate, and nothing else; a note-taker may not run the agenda; a viewer may do nothing")
    func permissions() throws {
        let session = Fixtures.roundtable()
        let proposal = SessionEvent.proposalAdded(proposal: Proposal(id: session.nextID, kind: .note, text: "x", item: nil, proposedAt: Fixtures.start))
        let rating = SessionEvent.ratingAdded(context: EntityID(41), rating: Rating(uncertainty: 3, control: 3))
        let point = SessionEvent.pointAdded(point: Fixtures.point(session.nextID.rawValue, .note, "x"))
        #expect(LiveRole.participant.refusal(of: proposal, in: session) == nil)
        #expect(LiveRole.participant.refusal(of: rating, in: session) == nil)
        #expect(LiveRole.participant.refusal(of: point, in: session) != nil)
        #expect(LiveRole.viewer.refusal(of: rating, in: session) != nil)
        #expect(LiveRole.noteTaker.refusal(of: point, in: session) == nil)
        let advance = try #require(session.advance(at: Fixtures.start))
        #expect(LiveRole.noteTaker.refusal(of: advance, in: session)?.contains("facilitator") == true)
        #expect(LiveRole.facilitator.refusal(of: advance, in: session) == nil)
        var details = session.details
        details.chathamHouse.toggle()
        #expect(LiveRole.noteTaker.refusal(of: .detailsChanged(details: details), in: session) != nil)
        details = session.details
        details.title = "Renamed by a note-taker"
        #expect(LiveRole.noteTaker.refusal(of: .detailsChanged(details: details), in: session) == nil)
        #expect(LiveRole(typed: "note") == .noteTaker && LiveRole(typed: "p") == .participant && LiveRole(typed: "x") == nil)
    }
}
