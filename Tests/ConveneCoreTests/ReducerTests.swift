import ConveneCore
import Foundation
import Testing

@Suite("Reducer")
struct ReducerTests {
    @Test("a store given the same id twice keeps the first, in its place")
    func storeKeepsFirstOfAnID() {
        let date = Date(timeIntervalSince1970: 0)
        let store = OrderedStore([
            Point(id: EntityID(1), kind: .note, text: "first", createdAt: date),
            Point(id: EntityID(2), kind: .note, text: "second", createdAt: date),
            Point(id: EntityID(1), kind: .note, text: "again", createdAt: date),
        ])
        #expect(store.elements.map(\.text) == ["first", "second"])
    }

    @Test("every event's inverse restores the session exactly", arguments: Fixtures.roundtableEvents.indices)
    func inverseRestores(index: Int) throws {
        var session = Fixtures.created()
        for event in Fixtures.roundtableEvents[..<index] { try session.apply(event) }
        let before = session
        let inverse = try session.apply(Fixtures.roundtableEvents[index])
        #expect(session != before)
        try session.apply(inverse)
        #expect(session == before)
    }

    @Test("changes, removals and moves each have exact inverses")
    func changeRemoveMove() throws {
        var session = Fixtures.roundtable()
        let events: [SessionEvent] = [
            .pointChanged(point: Fixtures.point(20, .divergence, "Edited text", theme: "New theme", item: 4)),
            .pointRemoved(id: EntityID(21)),
            .pointMoved(id: EntityID(25), to: 0),
            .attendeeChanged(attendee: Attendee(id: EntityID(11), name: "Michael Little", organisation: "RATIO", role: .speaker)),
            .attendeeRemoved(id: EntityID(12)),
            .topicRemoved(id: EntityID(30)),
            .contextRemoved(id: EntityID(41)),
            .itemAdded(item: AgendaItem(id: EntityID(50), title: "Break", phase: .close, minutes: 5), at: 2),
            .detailsChanged(details: SessionDetails(title: "Renamed", kind: "roundtable", date: "2026-04-03", chathamHouse: true)),
            .findingAcknowledged(key: "point-20:little"),
            .topicChanged(topic: {
                var topic = session.topics[EntityID(30)]!
                topic.caveats.append("The group did not split neatly.")
                topic.cells[0][1] = "Common across groups with similar needs"
                return topic
            }()),
            .contextChanged(context: {
                var context = session.contexts[EntityID(41)]!
                context.ratings.append(Rating(uncertainty: 2, control: 4))
                return context
            }()),
            .ratingAdded(context: EntityID(41), rating: Rating(uncertainty: 5, control: 1)),
            .ratingAdded(context: EntityID(41), rating: Rating(uncertainty: 1, control: 1), at: 0),
            .ratingRemoved(context: EntityID(41), at: 0),
            .proposalAdded(proposal: Proposal(id: EntityID(60), kind: .question, text: "Who is accountable to whom?", item: EntityID(4),
                                              proposedAt: Fixtures.start)),
            .itemRemoved(id: EntityID(1)),
            .itemChanged(item: {
                var item = session.agenda[EntityID(3)]!
                item.startedAt = Fixtures.start
                item.endedAt = Fixtures.start.addingTimeInterval(17 * 60)
                return item
            }()),
        ]
        for event in events {
            let before = session
            let inverse = try session.apply(event)
            #expect(session != before, "\(event) changed nothing")
            try session.apply(inverse)
            #expect(session == before, "the inverse of \(event) did not restore the session")
        }
    }

    @Test("acknowledging and unacknowledging a finding undo each other")
    func acknowledgement() throws {
        var session = Fixtures.roundtable()
        try session.apply(.findingAcknowledged(key: "point-20:little"))
        let acknowledged = session
        let inverse = try session.apply(.findingUnacknowledged(key: "point-20:little"))
        #expect(session.acknowledgedFindings.isEmpty)
        #expect(inverse == .findingAcknowledged(key: "point-20:little"))
        try session.apply(inverse)
        #expect(session == acknowledged)
    }

    @Test("an item's actual start and end give its actual minutes")
    func timing() throws {
        var item = Fixtures.agenda[2]
        #expect(item.actualMinutes == nil)
        item.startedAt = Fixtures.start
        item.endedAt = Fixtures.start.addingTimeInterval(17 * 60 + 20)
        #expect(item.actualMinutes == 17)
    }

    @Test("each item's point index agrees with the record after adds, edits, moves, removals and undo")
    func pointIndex() throws {
        var session = Fixtures.roundtable()
        func agrees() -> Bool {
            session.agenda.ids.allSatisfy { item in
                session.pointIDs(in: item) == session.points.ids.filter { session.points[$0]?.item == item }
            } && session.pointIDs(in: nil) == session.points.ids.filter { session.points[$0]?.item == nil }
        }
        #expect(agrees())
        var inverses: [SessionEvent] = []
        for event: SessionEvent in [
            .pointAdded(point: Fixtures.point(60, .note, "new", item: 3)),
            .pointMoved(id: EntityID(60), to: 0),
            .pointChanged(point: Fixtures.point(20, .note, "moved to item 2", item: 2)),
            .pointRemoved(id: EntityID(21)),
            .pointAdded(point: Fixtures.point(61, .note, "loose")),
        ] {
            inverses.append(try session.apply(event))
            #expect(agrees(), "after \(event)")
        }
        for inverse in inverses.reversed() {
            try session.apply(inverse)
            #expect(agrees(), "after undoing with \(inverse)")
        }
        #expect(session.pointIDs(in: EntityID(3)) == [EntityID(20), EntityID(21), EntityID(22)])
    }

    @Test("a moved point takes its new place and keeps its content")
    func movePoint() throws {
        var session = Fixtures.roundtable()
        try session.apply(.pointMoved(id: EntityID(22), to: 0))
        #expect(session.points.ids.prefix(2) == [EntityID(22), EntityID(20)])
        #expect(session.points[EntityID(22)]?.text == "Contribution, not attribution.")
    }

    @Test("a speaker is refused under the Chatham House Rule and accepted without it")
    func speakerRule() throws {
        var chatham = Fixtures.created(chathamHouse: true)
        let attributed = Fixtures.point(20, .note, "Targets create gaming.", item: 2, speaker: "Toby Lowe")
        #expect(throws: SessionError.speakerUnderChathamHouse) { try chatham.apply(.pointAdded(point: attributed)) }
        #expect(chatham.points.isEmpty)

        var masterclass = Fixtures.created(chathamHouse: false)
        try masterclass.apply(.pointAdded(point: attributed))
        #expect(masterclass.points[EntityID(20)]?.speaker == "Toby Lowe")
        var details = masterclass.details
        details.chathamHouse = true
        #expect(throws: SessionError.speakersRecorded(count: 1)) { try masterclass.apply(.detailsChanged(details: details)) }
    }

    @Test("refused events leave the session unchanged", arguments: [
        (SessionEvent.pointAdded(point: Fixtures.point(20, .note, "   ")), SessionError.emptyText(field: "point's text")),
        (.pointAdded(point: Fixtures.point(20, .note, "bell\u{07} and escape\u{1B}[2J")), .controlCharacters(field: "point's text")),
        (.pointAdded(point: Fixtures.point(20, .note, "x", item: 99)), .unknown(what: "agenda item", id: EntityID(99))),
        (.pointAdded(point: Fixtures.point(3, .note, "x")), .duplicateID(EntityID(3))),
        (.pointChanged(point: Fixtures.point(77, .note, "x")), .unknown(what: "point", id: EntityID(77))),
        (.pointRemoved(id: EntityID(77)), .unknown(what: "point", id: EntityID(77))),
        (.contextAdded(context: ContextAssessment(id: EntityID(20), name: "C", ratings: [Rating(uncertainty: 6, control: 1)])),
         .ratingOutOfRange(axis: "uncertainty about cause and effect", value: 6)),
        (.contextAdded(context: ContextAssessment(id: EntityID(20), name: "C", ratings: [Rating(uncertainty: 1, control: 0)])),
         .ratingOutOfRange(axis: "control over outcomes", value: 0)),
        (.topicAdded(topic: DivergenceTopic(id: EntityID(20), title: "T", perspectives: ["A"], dimensions: ["D"], cells: [["a", "b"]])),
         .malformedTable("a row has 2 cells for 1 perspectives")),
        (.attendeeAdded(attendee: Attendee(id: EntityID(20), name: "Line\nbreak")), .controlCharacters(field: "attendee's name")),
        (.detailsChanged(details: SessionDetails(title: "T", kind: "k", date: "2026-02-30", chathamHouse: true)), .invalidDate("2026-02-30")),
        (.itemRemoved(id: EntityID(3)), .itemInUse(id: EntityID(3), uses: 3)),
        (.created(setup: SessionSetup(details: Fixtures.details(), agenda: [])), .alreadyCreated),
    ])
    func refusals(event: SessionEvent, expected: SessionError) {
        var session = Fixtures.roundtable()
        let before = session
        #expect(throws: expected) { try session.apply(event) }
        #expect(session == before)
    }

    @Test("nothing applies before the session is created")
    func notCreated() {
        var session = Session()
        #expect(throws: SessionError.notCreated) { try session.apply(.pointRemoved(id: EntityID(1))) }
    }

    @Test("ids handed out never collide with earlier ones")
    func nextID() throws {
        var session = Fixtures.roundtable()
        let next = session.nextID
        #expect(!session.points.contains(next) && next.rawValue > 41)
        try session.apply(.pointAdded(point: Fixtures.point(next.rawValue, .note, "new")))
        #expect(session.nextID.rawValue == next.rawValue + 1)
    }

    @Test("cleaning input keeps every script and drops control characters")
    func cleaning() {
        #expect(TextRules.cleaned("Café £5 — 日本語 👩🏽‍💻\u{1B}[31m\u{0}") == "Café £5 — 日本語 👩🏽‍💻[31m")
        #expect(TextRules.cleaned("one\r\ntwo\tthree") == "one\ntwo three")
        #expect(TextRules.cleaned("one\ntwo", singleLine: true) == "one two")
    }
}

@Suite("Control characters")
struct ControlCharacterTests {
    /// The byte-level check must agree with Unicode's own category on every character it could meet.
    @Test("agrees with Unicode's control category for every scalar up to U+FFFF")
    func matchesUnicode() {
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let expected = scalar.properties.generalCategory == .control && scalar != "\n"
            var session = Fixtures.created()
            let refused = (try? session.apply(.pointAdded(point: Fixtures.point(20, .note, text)))) == nil
            #expect(refused == expected, "U+\(String(value, radix: 16))")
        }
    }
}
