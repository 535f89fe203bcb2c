import ConveneCore
import Foundation
import Testing

@Suite("Undo and replay")
struct SessionLogTests {
    private func log(with events: [SessionEvent]) throws -> (SessionLog, [JournalRecord]) {
        var log = SessionLog()
        var records = [try log.record(.created(setup: SessionSetup(details: Fixtures.details(), agenda: Fixtures.agenda, quadrantGuide: Fixtures.guide)), at: Fixtures.start)]
        for event in events { records.append(try log.record(event, at: Fixtures.start)) }
        return (log, records)
    }

    @Test("undo walks back change by change and stops at creation")
    func undoAll() throws {
        var (log, _) = try log(with: Array(Fixtures.roundtableEvents.prefix(5)))
        let created = Fixtures.created()
        var states: [Session] = []
        var replay = created
        states.append(replay)
        for event in Fixtures.roundtableEvents.prefix(5) {
            try replay.apply(event)
            states.append(replay)
        }
        for expected in states.dropLast().reversed() {
            let record = try log.recordUndo(at: Fixtures.start)
            #expect(record.undoes != nil)
            #expect(log.session == expected)
        }
        #expect(!log.canUndo)
        #expect(throws: SessionError.nothingToUndo) { try log.recordUndo(at: Fixtures.start) }
    }

    @Test("replaying a journal with undos rebuilds the same state and undo stack")
    func replayRebuildsUndo() throws {
        var (log, records) = try log(with: Array(Fixtures.roundtableEvents.prefix(6)))
        records.append(try log.recordUndo(at: Fixtures.start))
        records.append(try log.record(.pointRemoved(id: EntityID(20)), at: Fixtures.start))
        records.append(try log.recordUndo(at: Fixtures.start))
        records.append(try log.recordUndo(at: Fixtures.start))

        var replayed = SessionLog()
        for record in records { try replayed.replay(record) }
        #expect(replayed.session == log.session)
        let undo = EventID("00000000000000aa")
        #expect(try replayed.recordUndo(at: Fixtures.start, id: undo) == (try log.recordUndo(at: Fixtures.start, id: undo)))
        #expect(replayed.session == log.session)
    }

    @Test("a record the disk refused is rolled back, undo stack included")
    func rollBack() throws {
        var (log, _) = try log(with: Array(Fixtures.roundtableEvents.prefix(3)))
        let before = log.session
        let added = try log.record(.pointAdded(point: Fixtures.point(90, .note, "lost write")), at: Fixtures.start)
        log.rollBack(added)
        #expect(log.session == before)
        let undo = try log.recordUndo(at: Fixtures.start)
        #expect(undo.undoes == 4)
        log.rollBack(undo)
        #expect(log.session == before)
        #expect(try log.recordUndo(at: Fixtures.start).undoes == 4)
    }

    @Test("out-of-sequence and mismatched undo records are refused")
    func sequence() throws {
        var (log, records) = try log(with: Array(Fixtures.roundtableEvents.prefix(2)))
        #expect(throws: SessionError.outOfSequence(expected: 4, found: 3)) { try log.replay(records[2]) }
        let bogus = JournalRecord(seq: 4, at: Fixtures.start, event: .attendeeRemoved(id: EntityID(10)), undoes: 2)
        #expect(throws: SessionError.undoMismatch(undoes: 2, newestUndoable: 3)) { try log.replay(bogus) }
    }
}
