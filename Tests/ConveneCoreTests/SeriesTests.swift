import ConveneCore
import Foundation
import Testing

@Suite("Series")
struct SeriesTests {
    static let first = SessionReference(folder: "2026-04-02-spring-roundtable", title: "Spring roundtable", date: "2026-04-02")
    static let second = SessionReference(folder: "2026-05-07-second", title: "Second", date: "2026-05-07")
    static let third = SessionReference(folder: "2026-06-04-third", title: "Third", date: "2026-06-04")

    /// A new session of the same template with `previous`'s group and open items carried over.
    static func followUp(_ previous: Session, from reference: SessionReference, carrying: [Point]? = nil) throws -> Session {
        var next = Session()
        var details = Fixtures.details()
        details.series = previous.seriesName
        details.previous = reference
        try next.apply(.created(setup: SessionSetup(details: details, agenda: Fixtures.agenda)))
        for event in next.carryingOver(from: previous, in: reference, carrying: carrying, at: Fixtures.start) { try next.apply(event) }
        return next
    }

    @Test("a follow-up carries every open action and unanswered question, wherever captured, with where it came from")
    func carryOver() throws {
        var discussed = Fixtures.roundtable() // a question (24) and an action (25) under next steps
        try discussed.apply(.pointAdded(point: Fixtures.point(70, .question, "Raised in passing", item: 3)))
        var answered = Fixtures.point(71, .question, "Answered on the day", item: 3)
        answered.status = .done
        answered.answer = "Yes"
        try discussed.apply(.pointAdded(point: answered))
        #expect(discussed.openItems.map(\.id) == [EntityID(24), EntityID(25), EntityID(70)])

        let next = try Self.followUp(discussed, from: Self.first)
        let carried = next.points.elements
        #expect(carried.map(\.text) == ["What factors should shape our choices?", "Circulate the note within two weeks.", "Raised in passing"])
        #expect(carried.allSatisfy { $0.origin?.session == Self.first && $0.item == EntityID(1) && $0.theme == nil })
        #expect(carried.map { $0.origin?.point } == [EntityID(24), EntityID(25), EntityID(70)])
        #expect(next.seriesName == "Learning and accountability")
    }

    @Test("the roster comes along with apologies cleared; an item carried twice keeps its first session")
    func rosterAndSecondHop() throws {
        var first = Fixtures.roundtable()
        try first.apply(.attendeeAdded(attendee: Attendee(id: EntityID(80), name: "Ana López", organisation: "GO Lab", apologies: true)))
        let second = try Self.followUp(first, from: Self.first)
        #expect(second.attendees.elements.contains { $0.name == "Ana López" && !$0.apologies && $0.organisation == "GO Lab" })
        let third = try Self.followUp(second, from: Self.second)
        #expect(third.attendees.count == first.attendees.count)
        #expect(third.points.elements.allSatisfy { $0.origin?.session == Self.first })
        #expect(third.points.count == first.openItems.count)
    }

    @Test("an action closed in the second session is closed for the series and the third does not carry it")
    func ledgerClosesAcrossCopies() throws {
        let first = Fixtures.roundtable()
        var second = try Self.followUp(first, from: Self.first)
        var action = try #require(second.points.elements.first { $0.kind == .action }, "no action carried")
        action.status = .done
        try second.apply(.pointChanged(point: action))
        let ledger = SeriesLedger([(Self.first, first), (Self.second, second)])
        let entry = try #require(ledger.entries.first { $0.point.kind == .action })
        #expect(entry.raisedIn == Self.first && entry.closedIn == Self.second && !entry.isOpen)
        #expect(ledger.entries.count == first.openItems.count)

        let third = try Self.followUp(second, from: Self.second)
        #expect(!third.points.elements.contains { $0.kind == .action })
    }

    @Test("an item closed in an earlier session after the follow-up was made is closed for the series")
    func closedLaterInAnEarlierSession() throws {
        var first = Fixtures.roundtable()
        let second = try Self.followUp(first, from: Self.first)
        var action = try #require(first.points.elements.first { $0.kind == .action })
        action.status = .dropped
        try first.apply(.pointChanged(point: action))
        let ledger = SeriesLedger([(Self.first, first), (Self.second, second)])
        let open = second.openItems.filter { ledger.entry(for: $0, in: Self.second)?.isOpen ?? true }
        #expect(!open.contains { $0.kind == .action })
        #expect(ledger.entries.first { $0.point.kind == .action }?.closedIn == Self.first)
    }

    @Test("a link to another session is a folder name, never a path")
    func linksStayInTheSessionsFolder() throws {
        var session = Fixtures.roundtable()
        var details = session.details
        details.next = SessionReference(folder: "../../etc", title: "x", date: "2026-01-01")
        #expect(throws: SessionError.invalidFolderName("../../etc")) { try session.apply(.detailsChanged(details: details)) }
        details.next = Self.second
        try session.apply(.detailsChanged(details: details))
        #expect(session.details.next == Self.second)
    }
}
