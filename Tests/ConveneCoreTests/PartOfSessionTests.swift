import ConveneCore
import Foundation
import Testing

/// The Chatham House Rule for "a meeting, or part thereof", sub-themes, and journals from before.
@Suite("Parts of a session")
struct PartOfSessionTests {
    /// An attributed session whose open discussion (item 3) is held under the Rule.
    private func partlyUnderRule() throws -> Session {
        var session = Fixtures.created(chathamHouse: false)
        try session.apply(.attendeeAdded(attendee: Attendee(id: EntityID(10), name: "Noel Hatch", organisation: "Camden Council")))
        var discussion = Fixtures.agenda[2]
        discussion.chathamHouse = true
        try session.apply(.itemChanged(item: discussion))
        return session
    }

    @Test("a speaker may be named in the talk and not in the part under the Rule")
    func speakers() throws {
        var session = try partlyUnderRule()
        try session.apply(.pointAdded(point: Fixtures.point(20, .note, "Systems, not programmes.", item: 2, speaker: "Toby Lowe")))
        #expect(throws: SessionError.speakerUnderChathamHouse) {
            try session.apply(.pointAdded(point: Fixtures.point(21, .note, "Ask the funders.", item: 3, speaker: "Noel Hatch")))
        }
        var talk = try #require(session.agenda[EntityID(2)])
        talk.chathamHouse = true
        #expect(throws: SessionError.speakersRecorded(count: 1)) { try session.apply(.itemChanged(item: talk)) }
    }

    @Test("the disclosure check reads the parts under the Rule only")
    func disclosure() throws {
        var session = try partlyUnderRule()
        try session.apply(.pointAdded(point: Fixtures.point(20, .note, "Noel Hatch opened the talk.", item: 2)))
        try session.apply(.pointAdded(point: Fixtures.point(21, .note, "As Hatch argued, funders should listen.", item: 3)))
        let places = DisclosureCheck.findings(in: session).map(\.location.entity)
        #expect(places == [EntityID(21)])
    }

    @Test("the notes say which parts were under the Rule")
    func notes() throws {
        let notes = try Fixtures.notesRenderer().render(partlyUnderRule())
        #expect(notes.contains("**Held in part under the Chatham House Rule.** Under the Rule: Where we agree."))
        #expect(!notes.contains("**Held under the Chatham House Rule.**"))
    }

    @Test("sub-themes sit under their theme; one without a theme is refused")
    func subthemes() throws {
        var session = Fixtures.created()
        let theme = "How accountability should operate"
        try session.apply(.pointAdded(point: Point(id: EntityID(20), kind: .divergence, text: "Who answers to whom?", theme: theme,
                                                   subtheme: "Who is accountable?", item: EntityID(4), createdAt: Fixtures.start)))
        try session.apply(.pointAdded(point: Point(id: EntityID(21), kind: .divergence, text: "A deeper question.", theme: theme,
                                                   item: EntityID(4), createdAt: Fixtures.start)))
        let notes = try Fixtures.notesRenderer().render(session)
        #expect(notes.contains("### How accountability should operate\n\n- A deeper question.\n\n#### Who is accountable?\n\n- Who answers to whom?"))
        #expect(throws: SessionError.subthemeWithoutTheme) {
            try session.apply(.pointAdded(point: Point(id: EntityID(22), kind: .note, text: "x", subtheme: "y", createdAt: Fixtures.start)))
        }
    }

    @Test("a topic saved before descriptions and row headers existed still loads")
    func olderJournal() throws {
        let json = #"{"id":5,"title":"Outcomes","perspectives":["A"],"dimensions":["B"],"cells":[["c"]],"caveats":[],"dilemmas":[]}"#
        let topic = try JSONDecoder().decode(DivergenceTopic.self, from: Data(json.utf8))
        #expect(topic.description == "" && topic.rowHeader == "" && topic.cell(row: 0, column: 0) == "c")
    }
}
