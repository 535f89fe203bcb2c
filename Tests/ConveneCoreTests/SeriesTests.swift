import ConveneCore
import Foundation
import Testing

@Suite("Series")
struct SeriesTests {
    @Test("a follow-up carries questions for next time and actions, not questions raised in discussion")
    func carryOver() throws {
        let previous = Fixtures.roundtable() // a question (24) and an action (25) under next steps
        var discussed = previous
        try discussed.apply(.pointAdded(point: Fixtures.point(70, .question, "Raised in passing", item: 3)))
        #expect(discussed.openItems.map(\.id) == [EntityID(24), EntityID(25)])

        var next = Session()
        var details = Fixtures.details()
        details.series = discussed.seriesName
        try next.apply(.created(setup: SessionSetup(details: details, agenda: Fixtures.agenda)))
        for event in next.carryingOver(from: discussed, at: Fixtures.start) { try next.apply(event) }
        let carried = next.points.elements
        #expect(carried.map(\.text) == ["What factors should shape our choices?", "Circulate the note within two weeks."])
        #expect(carried.map(\.kind) == [.question, .action])
        #expect(carried.allSatisfy { $0.theme == "Carried over from 2026-04-02" && $0.item == EntityID(1) })
        #expect(next.seriesName == "Learning and accountability")
    }
}
