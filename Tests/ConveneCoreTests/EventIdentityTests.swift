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

@Suite("Dot votes")
struct VoteTests {
    private func opened() throws -> Session {
        var session = Fixtures.roundtable()
        try session.apply(.voteAdded(vote: Vote(id: EntityID(70), question: "Where should the group focus?", options: ["Trust | data", "Funding", "Skills"],
                                                dots: 3, item: EntityID(4), openedAt: Fixtures.start)))
        return session
    }

    @Test("ballots add up by option; casting again under the same token replaces; too many dots, a closed vote, a wrong shape are refused")
    func ballots() throws {
        var session = try opened()
        try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t1", dots: [2, 1, 0])))
        try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t2", dots: [0, 0, 3])))
        try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t1", dots: [1, 1, 1])))
        let vote = try #require(session.votes[EntityID(70)])
        #expect(vote.tally == [1, 1, 4])
        #expect(vote.ranked.map(\.option) == ["Skills", "Trust | data", "Funding"])
        #expect(throws: SessionError.ballot(dots: 3, options: 3)) {
            var copy = session
            try copy.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t3", dots: [2, 2, 0])))
        }
        #expect(throws: SessionError.ballot(dots: 3, options: 3)) {
            var copy = session
            try copy.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t3", dots: [1, 1])))
        }
        var closed = vote
        closed.closedAt = Fixtures.start
        try session.apply(.voteChanged(vote: closed))
        #expect(throws: SessionError.voteClosed) { try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t4", dots: [1, 0, 0]))) }
    }

    @Test("opening, casting, replacing, withdrawing, closing and removing each have an exact inverse")
    func inverses() throws {
        var session = Fixtures.roundtable()
        let vote = Vote(id: EntityID(61), question: "Which matter most?", options: ["Trust", "Data"], dots: 3, item: EntityID(4), openedAt: Fixtures.start)
        var closed = vote
        closed.closedAt = Fixtures.start
        closed.ballots = [Ballot(token: "a1", dots: [0, 3])]
        let events: [SessionEvent] = [
            .voteAdded(vote: vote),
            .ballotCast(vote: vote.id, ballot: Ballot(token: "a1", dots: [2, 1])),
            .ballotCast(vote: vote.id, ballot: Ballot(token: "a1", dots: [0, 3])),
            .ballotCast(vote: vote.id, ballot: Ballot(token: "b2", dots: [1, 0])),
            .ballotWithdrawn(vote: vote.id, token: "b2"),
            .voteChanged(vote: closed),
            .voteRemoved(id: vote.id),
        ]
        for event in events {
            let before = session
            let inverse = try session.apply(event)
            #expect(session != before, "\(event) changed nothing")
            var undone = session
            try undone.apply(inverse)
            #expect(undone == before, "the inverse of \(event) did not restore the session")
        }
    }

    @Test("the notes list each vote's options with their dots, most first, escaped, and say how many voted")
    func notes() throws {
        var session = try opened()
        try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t1", dots: [1, 0, 2])))
        try session.apply(.ballotCast(vote: EntityID(70), ballot: Ballot(token: "t2", dots: [0, 0, 3])))
        let notes = try Fixtures.notesRenderer().render(session)
        #expect(notes.contains("## Votes\n\n**Where should the group focus?** (3 dots each; 2 voted; still open)\n\n| Option | Dots |\n| --- | ---: |\n| Skills | 5 |\n| Trust \\| data | 1 |\n| Funding | 0 |"))
        #expect(!notes.contains("t1") && !notes.contains("t2"))
    }

    @Test("opening and closing a vote is the facilitator's; anyone but a viewer casts a ballot")
    func roles() throws {
        let session = try opened()
        let vote = try #require(session.votes[EntityID(70)])
        let ballot = SessionEvent.ballotCast(vote: vote.id, ballot: Ballot(token: "x", dots: [1, 0, 0]))
        #expect(LiveRole.participant.refusal(of: ballot, in: session) == nil)
        #expect(LiveRole.noteTaker.refusal(of: ballot, in: session) == nil)
        #expect(LiveRole.viewer.refusal(of: ballot, in: session) != nil)
        #expect(LiveRole.noteTaker.refusal(of: .voteChanged(vote: vote), in: session)?.contains("votes") == true)
        #expect(LiveRole.participant.refusal(of: .voteAdded(vote: vote), in: session) != nil)
        #expect(ballot.isAnonymousUnderRule)
    }
}

@Suite("Divergence tables changed by two writers at once")
struct TopicMergeTests {
    static let base = DivergenceTopic(id: EntityID(30), title: "What outcomes are for", perspectives: ["Funders", "Providers"],
                                      dimensions: ["Purpose", "Cost"], cells: [["", ""], ["", ""]], caveats: ["Not a clean split"])

    @Test("different cells, and caveats both added, are all kept")
    func differentCells() {
        var kept = Self.base
        kept.cells[0][0] = "Accountability upwards"
        kept.caveats.append("Views changed during the session")
        var mine = Self.base
        mine.cells[1][1] = "Hidden in overheads"
        mine.caveats.append("Few providers present")
        let (merged, replaced) = kept.merging(mine, from: Self.base)
        #expect(merged.cells == [["Accountability upwards", ""], ["", "Hidden in overheads"]])
        #expect(merged.caveats == ["Not a clean split", "Views changed during the session", "Few providers present"])
        #expect(replaced.isEmpty)
    }

    @Test("a row added by one and a cell filled by the other are both kept")
    func rowAndCell() {
        var kept = Self.base
        kept.dimensions.append("Time")
        kept.cells.append(["", ""])
        var mine = Self.base
        mine.cells[0][1] = "Learning"
        let (merged, replaced) = kept.merging(mine, from: Self.base)
        #expect(merged.dimensions == ["Purpose", "Cost", "Time"])
        #expect(merged.cells == [["", "Learning"], ["", ""], ["", ""]])
        #expect(replaced.isEmpty)
    }

    @Test("the same cell written by both: the later stands, and what it replaced is said")
    func sameCell() {
        var kept = Self.base
        kept.cells[1][0] = "Grant conditions"
        var mine = Self.base
        mine.cells[1][0] = "Match funding"
        let (merged, replaced) = kept.merging(mine, from: Self.base)
        #expect(merged.cell(row: 1, column: 0) == "Match funding")
        #expect(replaced == ["the cell ‘Cost’ × ‘Funders’: ‘Grant conditions’"])
    }
}

@Suite("Items and contexts changed by two writers at once")
struct ItemAndContextMergeTests {
    static let item = AgendaItem(id: EntityID(7), title: "Reflecting on the principles", phase: .checklist, minutes: 15,
                                 checklist: ["Look at the whole system", "Build a shared purpose", "Treat evidence with nuance"])

    @Test("two responses to different prompts are both kept, and a response made before the clock moved leaves the clock as set")
    func responses() {
        var kept = Self.item
        kept.responses = ["Systems maps helped"]
        kept.startedAt = Fixtures.start
        kept.clockRunningSince = Fixtures.start
        var mine = Self.item
        mine.responses = ["", "", "Mixed methods"]
        let (merged, replaced) = kept.merging(mine, from: Self.item)
        #expect(merged.responses == ["Systems maps helped", "", "Mixed methods"])
        #expect(merged.clockRunningSince == Fixtures.start && merged.startedAt == Fixtures.start)
        #expect(replaced.isEmpty)

        var clash = Self.item
        clash.responses = ["Only partly"]
        let (second, said) = kept.merging(clash, from: Self.item)
        #expect(second.responses == ["Only partly"])
        #expect(said == ["the response to ‘Look at the whole system’: ‘Systems maps helped’"])
    }

    @Test("ratings added by one while the other corrected the name are all kept")
    func contextRatings() {
        let base = ContextAssessment(id: EntityID(9), name: "Youth services", ratings: [Rating(uncertainty: 4, control: 2)])
        var kept = base
        kept.ratings.append(Rating(uncertainty: 5, control: 1))
        var mine = base
        mine.name = "Youth and family services"
        let (merged, replaced) = kept.merging(mine, from: base)
        #expect(merged.name == "Youth and family services")
        #expect(merged.ratings == [Rating(uncertainty: 4, control: 2), Rating(uncertainty: 5, control: 1)])
        #expect(replaced.isEmpty)
    }
}
