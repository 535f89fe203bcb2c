@testable import ConveneCore
import Foundation
import Testing

/// Replanning during the session: each change one event that undo takes back, and the agenda's
/// projected end following the clock, pauses included.
@Suite("Replanning the agenda")
struct AgendaReplanTests {

    private func at(_ minutes: Double) -> Date { Fixtures.at(minutes) }

    @Test("starting item 6 directly records no times on items 1 to 5; one undo takes it back")
    func jumpAhead() throws {
        var session = Fixtures.created()
        let inverse = try session.apply(try #require(session.start(item: EntityID(6), at: at(0))))
        #expect(session.currentItem?.id == EntityID(6))
        for id in 1...5 {
            let item = try #require(session.agenda[EntityID(id)])
            #expect(item.startedAt == nil && item.endedAt == nil, "item \(id) got times")
        }
        // From there, starting item 2 ends item 6 and leaves 3 to 5 untouched.
        try session.apply(try #require(session.start(item: EntityID(2), at: at(7))))
        #expect(session.agenda[EntityID(6)]?.actualMinutes == 7)
        #expect(session.agenda[EntityID(3)]?.startedAt == nil)
        #expect(session.start(item: EntityID(2), at: at(8)) == nil, "the item under way is not started again")

        var fresh = Fixtures.created()
        try fresh.apply(try #require(fresh.start(item: EntityID(6), at: at(0))))
        try fresh.apply(inverse)
        #expect(fresh == Fixtures.created())
    }

    @Test("a skipped item is passed over by next and shows as skipped in the notes; it can be put back")
    func skip() throws {
        var session = Fixtures.created()
        try session.apply(try #require(session.advance(at: at(0))))
        try session.apply(try #require(session.advance(at: at(10))))
        let skip = try #require(session.toggleSkip(item: EntityID(3), at: at(11)))
        let unskip = try session.apply(skip)
        #expect(session.agenda[EntityID(3)]?.isSkipped == true)
        #expect(session.toggleSkip(item: EntityID(2), at: at(12)) == nil, "an item under way cannot be skipped")
        try session.apply(try #require(session.advance(at: at(25))))
        #expect(session.currentItem?.id == EntityID(4))
        #expect(NotesView(session: session).agenda[2].actual == "skipped")
        try session.apply(try #require(session.goBack(at: at(26))))
        #expect(session.currentItem?.id == EntityID(2), "back passes over the skipped item too")

        var restored = Fixtures.created()
        try restored.apply(try #require(restored.advance(at: at(0))))
        try restored.apply(try #require(restored.advance(at: at(10))))
        let before = restored
        try restored.apply(skip)
        try restored.apply(unskip)
        #expect(restored == before)
    }

    @Test("extending and shortening replan the timebox; the notes show planned and replanned minutes")
    func resize() throws {
        var session = Fixtures.created()
        try session.apply(try #require(session.advance(at: at(0))))
        try session.apply(try #require(session.resize(item: EntityID(1), byMinutes: 5)))
        #expect(session.agenda[EntityID(1)]?.timebox == 15)
        #expect(session.agenda[EntityID(1)]?.minutes == 10)
        let view = NotesView(session: session)
        #expect(view.agenda[0].planned == "10 → 15 min")
        #expect(view.plannedTotal == "95 → 100 min")
        try session.apply(try #require(session.resize(item: EntityID(1), byMinutes: -5)))
        #expect(session.agenda[EntityID(1)]?.replannedMinutes == nil, "back to the plan is no replan")
        try session.apply(try #require(session.resize(item: EntityID(1), byMinutes: -60)))
        #expect(session.agenda[EntityID(1)]?.timebox == 1, "never under a minute")
        #expect(session.resize(item: EntityID(1), byMinutes: -1) == nil)
    }

    @Test("moving an item reorders the agenda; undo moves it back")
    func move() throws {
        var session = Fixtures.created()
        let inverse = try session.apply(try #require(session.move(item: EntityID(5), to: 1)))
        #expect(session.agenda.ids.map(\.rawValue) == [1, 5, 2, 3, 4, 6, 7])
        #expect(session.move(item: EntityID(5), to: 1) == nil)
        try session.apply(inverse)
        #expect(session.agenda.ids.map(\.rawValue) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test("the projected end follows the clock: pauses push it later, skipped items bring it earlier")
    func projectedEnd() throws {
        var session = Fixtures.created()
        #expect(session.projectedEnd(at: at(0)) == at(95))
        try session.apply(try #require(session.advance(at: at(0))))
        #expect(session.projectedEnd(at: at(4)) == at(95))
        try session.apply(try #require(session.toggleClock(at: at(4))))
        #expect(session.projectedEnd(at: at(14)) == at(105), "ten minutes paused: ten minutes later")
        try session.apply(try #require(session.toggleClock(at: at(14))))
        // Over time on the item: it is assumed to end now.
        #expect(session.projectedEnd(at: at(30)) == at(30 + 85))
        try session.apply(try #require(session.toggleSkip(item: EntityID(4), at: at(30))))
        #expect(session.projectedEnd(at: at(30)) == at(30 + 65))
        try session.apply(try #require(session.settingHardEnd(at(90))))
        #expect(abs((session.slack(at: at(30)) ?? 0) + 5 * 60) < 0.001, "five minutes over")
    }

    @Test("re-spreading shares the time left to the hard end among the items to come, in proportion, in whole minutes; one undo")
    func respread() throws {
        var session = Fixtures.created()
        try session.apply(try #require(session.settingHardEnd(at(80))))
        try session.apply(try #require(session.advance(at: at(0))))
        let before = session
        let inverse = try session.apply(try #require(session.respread(at: at(0))))
        let pending = session.agenda.elements.filter(\.isPending)
        #expect(pending.reduce(0) { $0 + $1.timebox } == 70)
        #expect(pending.allSatisfy { $0.timebox >= 1 })
        // In proportion: the 20-minute item keeps the largest share, the 10-minute ones the smallest.
        #expect(session.agenda[EntityID(4)]?.timebox == pending.map(\.timebox).max())
        #expect(session.agenda[EntityID(6)]?.timebox == pending.map(\.timebox).min())
        #expect(abs(session.slack(at: at(0)) ?? 99) < 0.001)
        #expect(session.agenda[EntityID(1)]?.replannedMinutes == nil, "the item under way keeps its timebox")
        try session.apply(inverse)
        #expect(session == before)

        #expect(Session.shares(of: 10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(Session.shares(of: 3, weights: [50, 1, 1]) == [1, 1, 1])
        #expect(Session.shares(of: 100, weights: [15, 15, 20, 15, 10, 10]).reduce(0, +) == 100)
        #expect(Fixtures.created().respread(at: at(0)) == nil, "no hard end, nothing to spread to")
    }

    @Test("replanning events travel through the journal's coding")
    func coding() throws {
        let event = SessionEvent.itemMoved(id: EntityID(5), to: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(event)
        #expect(String(decoding: data, as: UTF8.self) == #"{"itemMoved":{"id":5,"to":1}}"#)
        #expect(try JSONDecoder().decode(SessionEvent.self, from: data) == event)
    }
}
