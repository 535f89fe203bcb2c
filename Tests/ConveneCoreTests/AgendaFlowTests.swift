import ConveneCore
import Foundation
import Testing

@Suite("Moving through the agenda")
struct AgendaFlowTests {

    private func at(_ minutes: Double) -> Date { Fixtures.at(minutes) }

    @Test("next starts the first item, then ends each item as it starts the following one")
    func advance() throws {
        var session = Fixtures.created()
        #expect(session.focusedItem?.id == EntityID(1))
        try session.apply(try #require(session.advance(at: at(0))))
        #expect(session.currentItem?.id == EntityID(1))
        #expect(session.currentItem?.isClockRunning == true)

        let inverse = try session.apply(try #require(session.advance(at: at(12))))
        #expect(session.currentItem?.id == EntityID(2))
        #expect(session.agenda[EntityID(1)]?.actualMinutes == 12)
        #expect(session.agenda[EntityID(1)]?.isClockRunning == false)

        // One key press, one undo: both items go back as they were.
        try session.apply(inverse)
        #expect(session.currentItem?.id == EntityID(1))
        #expect(session.agenda[EntityID(1)]?.endedAt == nil)
        #expect(session.agenda[EntityID(2)]?.startedAt == nil)
    }

    @Test("the clock pauses and resumes, and pauses do not count")
    func clock() throws {
        var session = Fixtures.created()
        try session.apply(try #require(session.advance(at: at(0))))
        try session.apply(try #require(session.toggleClock(at: at(5))))
        #expect(session.currentItem?.isClockRunning == false)
        #expect(session.currentItem?.elapsed(at: at(9)) == 300)
        try session.apply(try #require(session.toggleClock(at: at(10))))
        #expect(session.currentItem?.elapsed(at: at(12)) == 420)
        try session.apply(try #require(session.advance(at: at(15))))
        #expect(session.agenda[EntityID(1)]?.actualMinutes == 10)
        // 10 minutes on the first item (its 5-minute pause left out), 5 on the second.
        #expect(session.sessionElapsed(at: at(20)) == 900)
    }

    @Test("previous reopens the item before; at the end, next ends the last item and the session, and nothing moves after")
    func backAndEnd() throws {
        var session = Fixtures.created()
        for minute in 0..<3 { try session.apply(try #require(session.advance(at: at(Double(minute))))) }
        #expect(session.currentItem?.id == EntityID(3))
        try session.apply(try #require(session.goBack(at: at(4))))
        #expect(session.currentItem?.id == EntityID(2))
        #expect(session.agenda[EntityID(3)]?.endedAt == at(4))

        for minute in 5..<12 { if let step = session.advance(at: at(Double(minute))) { try session.apply(step) } }
        #expect(session.currentItem == nil)
        #expect(session.agenda.elements.allSatisfy { $0.endedAt != nil })
        #expect(session.details.endedAt != nil && session.isEnded)
        #expect(session.advance(at: at(20)) == nil)
        #expect(session.goBack(at: at(21)) == nil && session.toggleClock(at: at(21)) == nil)
        #expect(session.start(item: EntityID(2), at: at(21)) == nil)
        #expect(session.sessionElapsed(at: at(60)) == session.sessionElapsed(at: at(30)), "the session's time stops at its end")
    }
}
