import ConveneCore
@testable import ConveneStore
import Foundation
import TestSupport
import Testing

/// Several screens on one live session, in one process: the host and screens joined through the
/// session's socket, as `convene run` makes them.
@Suite("Live sessions with several screens")
struct LiveSessionTests {
    static let date = StoreFixtures.date

    /// A session on disk and seats taken in it, closed at the end.
    final class Room {
        let root: TemporaryFolder
        let folder: SessionFolder
        private(set) var seats: [LiveSeat] = []

        init(points: Int = 0) throws {
            root = try TemporaryFolder()
            folder = try StoreFixtures.session(in: root.url, points: points)
        }

        deinit { for seat in seats { seat.close() } }

        func seat(_ name: String, role: LiveRole? = nil) throws -> LiveSeat {
            let seat = try LiveSeat.take(folder, as: name, role: role, clock: { LiveSessionTests.date }, changed: {})
            seats.append(seat)
            return seat
        }
    }

    static func point(_ text: String, in seat: LiveSeat) -> SessionEvent {
        .pointAdded(point: Point(id: seat.session.nextID, kind: .note, text: text, item: EntityID(1), createdAt: date))
    }

    /// Waits (up to ten seconds) for `condition`; true when it held.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return condition()
    }

    static func texts(_ seat: LiveSeat) -> [String] { seat.session.points.elements.map(\.text) }

    @Test("the first screen hosts and facilitates, a later one joins as a note-taker; each sees the other's points")
    func twoNoteTakers() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        #expect(ana.isHost && !ben.isHost)
        #expect(ana.person.role == .facilitator && ben.person.role == .noteTaker)
        try ana.apply(Self.point("From ana", in: ana), at: Self.date)
        try ben.apply(Self.point("From ben", in: ben), at: Self.date)
        #expect(Self.eventually { Self.texts(ana) == ["From ana", "From ben"] && Self.texts(ben) == ["From ana", "From ben"] })
        #expect(Self.eventually { ana.people.map(\.name) == ["ana", "ben"] && ben.people == ana.people })
        let onDisk = try room.folder.load().log
        #expect(onDisk.session == ana.session)
        // The journal names who typed each change.
        let lines = try String(contentsOf: room.folder.journal, encoding: .utf8).split(separator: "\n").suffix(2)
        #expect(lines.first?.contains(#""by":"ana""#) == true && lines.last?.contains(#""by":"ben""#) == true)
    }

    @Test("two screens adding from the same view of the session both keep their points, under ids of their own")
    func sameNextID() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let cleo = try room.seat("cleo")
        // Both build their point before seeing the other's: the same next id.
        let fromBen = Self.point("Ben's", in: ben)
        let fromCleo = Self.point("Cleo's", in: cleo)
        try ben.apply(fromBen, at: Self.date)
        try cleo.apply(fromCleo, at: Self.date)
        #expect(Self.eventually { [ana, ben, cleo].allSatisfy { Self.texts($0) == ["Ben's", "Cleo's"] } })
        #expect(Set(ana.session.points.ids).count == 2)
    }

    @Test("a viewer's changes and a note-taker's moves through the agenda are refused by the host; nothing changes")
    func rolesEnforced() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let viewer = try room.seat("dev", role: .viewer)
        let ben = try room.seat("ben")
        let before = try Data(contentsOf: room.folder.journal)
        #expect(throws: LiveRefusal.self) { try viewer.apply(Self.point("Should not be kept", in: viewer), at: Self.date) }
        #expect(throws: LiveRefusal.self) { try viewer.undo(at: Self.date) }
        let moved = ben.session.advance(at: Self.date)
        if let moved { #expect(throws: LiveRefusal.self) { try ben.apply(moved, at: Self.date) } }
        #expect(try Data(contentsOf: room.folder.journal) == before)
        // The facilitator may.
        if let moved = ana.session.advance(at: Self.date) { try ana.apply(moved, at: Self.date) }
        #expect(Self.eventually { ben.session.currentItem != nil })
    }

    @Test("u undoes the screen's own newest change, not another writer's later one")
    func undoOwn() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        try ben.apply(Self.point("Ben's", in: ben), at: Self.date)
        try ana.apply(Self.point("Ana's", in: ana), at: Self.date)
        #expect(Self.eventually { Self.texts(ben).count == 2 })
        try ben.undo(at: Self.date)
        #expect(Self.eventually { Self.texts(ana) == ["Ana's"] && Self.texts(ben) == ["Ana's"] })
        #expect(!ben.canUndo)
    }

    @Test("the socket is its owner's alone")
    func privateSocket() throws {
        let room = try Room()
        _ = try room.seat("ana")
        let attributes = try FileManager.default.attributesOfItem(atPath: room.folder.url.appendingPathComponent(LiveSocket.name).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("when the host leaves, a note-taker takes the session over and the others carry on with it; nothing is lost")
    func takeover() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let cleo = try room.seat("cleo")
        try ben.apply(Self.point("Before", in: ben), at: Self.date)
        ana.close()
        // Both go on typing: one of them now hosts, the other joins it.
        try ben.apply(Self.point("Ben after", in: ben), at: Self.date)
        try cleo.apply(Self.point("Cleo after", in: cleo), at: Self.date)
        #expect(ben.isHost != cleo.isHost)
        #expect(Self.eventually { Self.texts(ben).sorted() == ["Before", "Ben after", "Cleo after"] && Self.texts(ben) == Self.texts(cleo) })
        #expect(try room.folder.load().log.session == ben.session)
        #expect(ben.person.role == .noteTaker, "taking over does not make a note-taker the facilitator")
    }

    @Test("a change sent again under the id it was kept with is answered as kept and not applied twice")
    func resendKeptOnce() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let event = Self.point("Once", in: ben)
        guard let (link, _) = try GuestLink.connect(to: room.folder, name: "cleo", role: nil, changed: {}) else {
            Issue.record("no host answered")
            return
        }
        defer { link.close() }
        let id = EventID.random()
        let message = LiveMessage.change(id: id, event: event, base: 0, original: nil)
        #expect("\(link.ask(message, id: id, until: .now() + .seconds(5)))" == "kept")
        #expect("\(link.ask(message, id: id, until: .now() + .seconds(5)))" == "kept")
        #expect(Self.eventually { Self.texts(ana) == ["Once"] })
        #expect(try room.folder.load().log.session.points.count == 1)
    }

    @Test("random interleavings of several writers leave every screen and the journal in the same state", arguments: 0..<6)
    func interleavings(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let room = try Room(points: 2)
        let seats = try ["ana", "ben", "cleo", "dev"].map { try room.seat($0) }
        for step in 0..<60 {
            let seat = seats.randomElement(using: &generator) ?? seats[0]
            let session = seat.session
            switch Int.random(in: 0..<6, using: &generator) {
            case 0, 1, 2:
                try seat.apply(Self.point("\(seat.person.name) \(step) café 日本語", in: seat), at: Self.date)
            case 3:
                guard var point = session.points.elements.randomElement(using: &generator) else { continue }
                point.text += " edited by \(seat.person.name)"
                try? seat.apply(.pointChanged(point: point), at: Self.date)
            case 4:
                guard let id = session.points.ids.randomElement(using: &generator) else { continue }
                // Someone else may have removed it meanwhile: then it is refused, and nothing changes.
                try? seat.apply(.pointRemoved(id: id), at: Self.date)
            default:
                if seat.canUndo { try? seat.undo(at: Self.date) }
            }
        }
        let onDisk = try room.folder.load().log.session
        #expect(Self.eventually { seats.allSatisfy { $0.session == onDisk } }, "seed \(seed)")
    }

    @Test("under the Rule a participant's proposal is kept without their name; accepted, it becomes the note-taker's point")
    func anonymousProposal() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let zoe = try room.seat("Zoë Participant", role: .participant)
        #expect(throws: LiveRefusal.self) { try zoe.apply(Self.point("Straight into the record", in: zoe), at: Self.date) }
        let proposal = Proposal(id: zoe.session.nextID, kind: .question, text: "Who counts as accountable?", item: EntityID(1), proposedAt: Self.date)
        try zoe.apply(.proposalAdded(proposal: proposal), at: Self.date)
        #expect(Self.eventually { ana.session.proposals.count == 1 })
        let waiting = try #require(ana.session.proposals.elements.first)
        try ana.apply(.batch(events: [.proposalRemoved(id: waiting.id), .pointAdded(point: waiting.accepted(as: waiting.text, id: ana.session.nextID, at: Self.date))]),
                      at: Self.date)
        #expect(Self.eventually { Self.texts(zoe) == ["Who counts as accountable?"] && zoe.session.proposals.isEmpty })
        let journal = try String(contentsOf: room.folder.journal, encoding: .utf8)
        #expect(!journal.contains("Zoë"), "nothing in the journal ties the proposal to who made it")
        let lines = journal.split(separator: "\n")
        let proposed = try #require(lines.first { $0.contains("proposalAdded") })
        #expect(!proposed.contains(#""by":"#))
    }

    @Test("participants rating one context at the same moment all count")
    func concurrentRatings() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        try ana.apply(.contextAdded(context: ContextAssessment(id: ana.session.nextID, name: "Youth services", item: EntityID(1))), at: Self.date)
        let contextID = try #require(ana.session.contexts.ids.first)
        let raters = try ["p1", "p2", "p3"].map { try room.seat($0, role: .participant) }
        // Each rates from the session as it last saw it, before seeing the others' ratings: a rating
        // is sent alone, so none replaces another (as a whole context sent back would).
        for (index, rater) in raters.enumerated() {
            try rater.apply(.ratingAdded(context: contextID, rating: Rating(uncertainty: index + 1, control: 5 - index)), at: Self.date)
        }
        #expect(Self.eventually { ana.session.contexts[contextID]?.ratings.count == 3 })
        #expect(Set(ana.session.contexts[contextID]?.ratings.map(\.uncertainty) ?? []) == [1, 2, 3])
        // A participant may rate, never rename or re-rate.
        var renamed = try #require(ana.session.contexts[contextID])
        renamed.name = "Renamed"
        #expect(throws: LiveRefusal.self) { try raters[0].apply(.contextChanged(context: renamed), at: Self.date) }
    }

    @Test("a person's second ballot replaces their first even under another token, and under the Rule no ballot carries a name")
    func ballotsPinnedAndAnonymous() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let vote = Vote(id: ana.session.nextID, question: "Focus?", options: ["Trust", "Data"], dots: 2, item: EntityID(1), openedAt: Self.date)
        try ana.apply(.voteAdded(vote: vote), at: Self.date)
        #expect(Self.eventually { ben.session.votes.count == 1 })
        let voteID = try #require(ben.session.votes.ids.first)
        try ben.apply(.ballotCast(vote: voteID, ballot: Ballot(token: "first", dots: [2, 0])), at: Self.date)
        // A restarted screen chooses a new token: the host keeps one ballot per person all the same.
        try ben.apply(.ballotCast(vote: voteID, ballot: Ballot(token: "second", dots: [0, 2])), at: Self.date)
        #expect(Self.eventually { ana.session.votes[voteID]?.ballots.count == 1 && ana.session.votes[voteID]?.tally == [0, 2] })
        let ballots = try String(contentsOf: room.folder.journal, encoding: .utf8).split(separator: "\n").filter { $0.contains("ballotCast") }
        #expect(ballots.count == 2 && ballots.allSatisfy { !$0.contains(#""by":"#) })
    }

    @Test("two writers editing one point at once: the host's order decides, and the writer whose text was replaced gets it back")
    func replacedEditTold() throws {
        let room = try Room(points: 1)
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let cleo = try room.seat("cleo")
        let id = try #require(ana.session.points.ids.first)
        #expect(Self.eventually { ben.session.points[id] != nil && cleo.session.points[id] != nil })
        // Both start from the point as it was.
        var fromBen = try #require(ben.session.points[id])
        var fromCleo = try #require(cleo.session.points[id])
        fromBen.text = "Ben's wording"
        fromCleo.text = "Cleo's wording"
        try ben.apply(.pointChanged(point: fromBen), at: Self.date)
        try cleo.apply(.pointChanged(point: fromCleo), at: Self.date)
        #expect(Self.eventually { ana.session.points[id]?.text == "Cleo's wording" })
        var told: [ReplacedEdit] = []
        #expect(Self.eventually { told += ben.takeReplaced(); return !told.isEmpty })
        #expect(told == [ReplacedEdit(point: id, text: "Ben's wording", by: "cleo")])
        #expect(cleo.takeReplaced().isEmpty && ana.takeReplaced().isEmpty)
        // An edit made after seeing the other's is no conflict.
        #expect(Self.eventually { ben.session.points[id]?.text == "Cleo's wording" })
        var again = try #require(ben.session.points[id])
        again.text = "Agreed wording"
        try ben.apply(.pointChanged(point: again), at: Self.date)
        // The host tells before it sends the record on: once cleo has the record, any word would be there.
        #expect(Self.eventually { cleo.session.points[id]?.text == "Agreed wording" })
        #expect(cleo.takeReplaced().isEmpty)
    }

    @Test("which point each writer has open to edit reaches every screen, and clears when they close it")
    func editingShown() throws {
        let room = try Room(points: 1)
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let id = try #require(ana.session.points.ids.first)
        ben.sayEditing(id)
        #expect(Self.eventually { ana.people.first { $0.name == "ben" }?.editing == id })
        ana.sayEditing(id)
        #expect(Self.eventually { ben.people.first { $0.name == "ana" }?.editing == id })
        ben.sayEditing(nil)
        #expect(Self.eventually { ana.people.first { $0.name == "ben" }?.editing == nil })
    }

    @Test("two note-takers filling one divergence table at once both keep their cells; the same cell: the earlier writer is told")
    func tableFilledTogether() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let cleo = try room.seat("cleo")
        let topic = DivergenceTopic(id: ana.session.nextID, title: "What outcomes are for", item: EntityID(1), perspectives: ["Funders", "Providers"],
                                    dimensions: ["Purpose", "Cost"], cells: [["", ""], ["", ""]])
        try ana.apply(.topicAdded(topic: topic), at: Self.date)
        let id = try #require(ana.session.topics.ids.first)
        #expect(Self.eventually { ben.session.topics[id] != nil && cleo.session.topics[id] != nil })
        var fromBen = try #require(ben.session.topics[id])
        var fromCleo = try #require(cleo.session.topics[id])
        fromBen.cells[0][0] = "Accountability upwards"
        fromCleo.cells[1][1] = "Hidden in overheads"
        try ben.apply(.topicChanged(topic: fromBen), at: Self.date)
        try cleo.apply(.topicChanged(topic: fromCleo), at: Self.date)
        #expect(Self.eventually { ana.session.topics[id]?.cells == [["Accountability upwards", ""], ["", "Hidden in overheads"]] })
        #expect(ben.takeReplaced().isEmpty)

        // Now both write the same cell from the same view.
        #expect(Self.eventually { ben.session.topics[id] == ana.session.topics[id] && cleo.session.topics[id] == ana.session.topics[id] })
        var again = try #require(ben.session.topics[id])
        var clash = try #require(cleo.session.topics[id])
        again.cells[1][0] = "Grant conditions"
        clash.cells[1][0] = "Match funding"
        try ben.apply(.topicChanged(topic: again), at: Self.date)
        try cleo.apply(.topicChanged(topic: clash), at: Self.date)
        #expect(Self.eventually { ana.session.topics[id]?.cell(row: 1, column: 0) == "Match funding" })
        var told: [ReplacedEdit] = []
        #expect(Self.eventually { told += ben.takeReplaced(); return !told.isEmpty })
        #expect(told.first?.text == "the cell ‘Cost’ × ‘Funders’: ‘Grant conditions’" && told.first?.by == "cleo")
        #expect(ana.session.topics[id]?.cell(row: 0, column: 0) == "Accountability upwards")
    }

    @Test("the host's own change to a table, made from what its screen showed, keeps a cell another writer filled meanwhile")
    func hostMergesItsOwn() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        try ana.apply(.topicAdded(topic: DivergenceTopic(id: ana.session.nextID, title: "Purposes", item: EntityID(1), perspectives: ["A", "B"],
                                                         dimensions: ["Why"], cells: [["", ""]])), at: Self.date)
        let id = try #require(ana.session.topics.ids.first)
        var fromAna = try #require(ana.session.topics[id])
        #expect(Self.eventually { ben.session.topics[id] != nil })
        var fromBen = try #require(ben.session.topics[id])
        fromBen.cells[0][1] = "Ben's cell"
        try ben.apply(.topicChanged(topic: fromBen), at: Self.date)
        let seq = ben.lastSeq
        #expect(Self.eventually { ana.lastSeq >= seq })
        fromAna.cells[0][0] = "Ana's cell"
        try ana.apply(.topicChanged(topic: fromAna), at: Self.date)
        #expect(ana.session.topics[id]?.cells == [["Ana's cell", "Ben's cell"]])
    }

    @Test("two note-takers answering different checklist prompts at once both keep theirs, and the facilitator's clock stands")
    func checklistAnsweredTogether() throws {
        let room = try Room()
        let ana = try room.seat("ana")
        let ben = try room.seat("ben")
        let cleo = try room.seat("cleo")
        try ana.apply(.itemAdded(item: AgendaItem(id: ana.session.nextID, title: "Principles", phase: .checklist, minutes: 10,
                                                  checklist: ["Whole system", "Shared purpose"])), at: Self.date)
        let id = try #require(ana.session.agenda.ids.last)
        #expect(Self.eventually { ben.session.agenda[id] != nil && cleo.session.agenda[id] != nil })
        var fromBen = try #require(ben.session.agenda[id])
        var fromCleo = try #require(cleo.session.agenda[id])
        // The facilitator starts the clock on it while both are typing.
        var started = try #require(ana.session.agenda[id])
        started.startedAt = Self.date
        started.clockRunningSince = Self.date
        try ana.apply(.itemChanged(item: started), at: Self.date)
        fromBen.responses = ["Maps of the system"]
        fromCleo.responses = ["", "A purpose written together"]
        try ben.apply(.itemChanged(item: fromBen), at: Self.date)
        try cleo.apply(.itemChanged(item: fromCleo), at: Self.date)
        #expect(Self.eventually { ana.session.agenda[id]?.responses == ["Maps of the system", "A purpose written together"] })
        #expect(ana.session.agenda[id]?.clockRunningSince == Self.date)
    }
}
