import ConveneCore
import Foundation
import Testing

/// Two offices write the same session apart, then merge. Each test builds both journals from a
/// shared start as the writers would (one `SessionLog` each), merges them both ways round, and
/// checks what a person would see in the record.
@Suite("Merging journals written apart")
struct JournalMergeTests {
    /// One office's copy of the journal.
    struct Office {
        var log = SessionLog()
        var records: [JournalRecord] = []
        let name: String

        init(_ name: String, from shared: [JournalRecord]) throws {
            self.name = name
            for record in shared { try log.replay(record) }
            records = shared
        }

        mutating func write(_ event: SessionEvent) throws {
            records.append(try log.record(event, at: Fixtures.start, by: name))
        }

        mutating func add(_ text: String, item: Int = 3) throws {
            try write(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .agreement, text, item: item)))
        }

        mutating func edit(_ text: String, to newText: String) throws {
            var point = try #require(log.session.points.elements.first { $0.text == text })
            point.text = newText
            try write(.pointChanged(point: point))
        }

        mutating func rename(_ title: String) throws {
            var details = log.session.details
            details.title = title
            try write(.detailsChanged(details: details))
        }
    }

    private func shared() throws -> [JournalRecord] {
        var log = SessionLog()
        var records = [try log.record(.created(setup: SessionSetup(details: Fixtures.details(), agenda: Fixtures.agenda, quadrantGuide: Fixtures.guide)),
                                      at: Fixtures.start, by: "ana")]
        records.append(try log.record(.pointAdded(point: Fixtures.point(log.session.nextID.rawValue, .note, "said before the split", item: 3)),
                                      at: Fixtures.start, by: "ana"))
        return records
    }

    /// Merges both ways round, checks both give the same journal and that it replays cleanly.
    private func merged(_ left: Office, _ right: Office, shared: Int) throws -> JournalMerge.Outcome {
        let prefix = Array(left.records.prefix(shared))
        let one = try JournalMerge.merge(prefix: prefix, ours: Array(left.records.dropFirst(shared)), theirs: Array(right.records.dropFirst(shared)))
        let other = try JournalMerge.merge(prefix: prefix, ours: Array(right.records.dropFirst(shared)), theirs: Array(left.records.dropFirst(shared)))
        #expect(one.records == other.records, "the merge must not depend on which side is ours")
        var replayed = SessionLog()
        for record in prefix + one.records { try replayed.replay(record) }
        #expect(replayed.session == one.session)
        return one
    }

    @Test("points both offices added under the same next id are all kept, and each office's later edit reaches its own point")
    func sameNextID() throws {
        let start = try shared()
        var london = try Office("ana", from: start)
        var leeds = try Office("ben", from: start)
        try london.add("London: funding follows learning")
        try leeds.add("Leeds: trust takes years")
        #expect(london.log.session.points.ids == leeds.log.session.points.ids, "both gave their point the same id")
        try london.edit("London: funding follows learning", to: "London: funding should follow learning")
        try leeds.edit("Leeds: trust takes years", to: "Leeds: trust takes years to build")

        let outcome = try merged(london, leeds, shared: start.count)
        let texts = outcome.session.points.elements.map(\.text)
        #expect(Set(texts) == ["said before the split", "London: funding should follow learning", "Leeds: trust takes years to build"])
        #expect(texts.count == 3)
        #expect(Set(outcome.session.points.ids).count == 3)
        #expect(outcome.notices.isEmpty)
    }

    @Test("both renaming the session: the later rename stands everywhere and the earlier writer is told theirs gave way")
    func sameField() throws {
        let start = try shared()
        var london = try Office("ana", from: start)
        var leeds = try Office("ben", from: start)
        try london.rename("Learning, London")
        try leeds.add("a point first, so the rename comes later")
        try leeds.rename("Learning, Leeds")

        let outcome = try merged(london, leeds, shared: start.count)
        #expect(outcome.session.details.title == "Learning, Leeds")
        let notice = try #require(outcome.notices.first)
        #expect(notice.kind == .replaced)
        #expect(notice.gaveWayBy == "ana" && notice.gaveWayHere)
        #expect(notice.keptBy == "ben" && !notice.keptHere)
        #expect(notice.parts == ["the title: ‘Learning, London’"])
        #expect(notice.event == london.records.last?.id, "the change that gave way is named, to be put back")
    }

    @Test("different parts of one thing changed apart are both kept, with nothing to tell")
    func differentParts() throws {
        let start = try shared()
        var london = try Office("ana", from: start)
        var leeds = try Office("ben", from: start)
        try london.rename("Learning and accountability, revisited")
        var details = leeds.log.session.details
        details.purpose = "Agree what to try before the next meeting."
        try leeds.write(.detailsChanged(details: details))
        var point = try #require(london.log.session.points.elements.first)
        point.theme = "Funding"
        try london.write(.pointChanged(point: point))
        point = try #require(leeds.log.session.points.elements.first)
        point.text = "said before the split, as corrected"
        try leeds.write(.pointChanged(point: point))

        let outcome = try merged(london, leeds, shared: start.count)
        #expect(outcome.session.details.title == "Learning and accountability, revisited")
        #expect(outcome.session.details.purpose == "Agree what to try before the next meeting.")
        let kept = try #require(outcome.session.points.elements.first)
        #expect(kept.theme == "Funding" && kept.text == "said before the split, as corrected")
        #expect(outcome.notices.isEmpty)
    }

    @Test("an edit of a point the other office removed stays in the history, set aside, and is told")
    func removedElsewhere() throws {
        let start = try shared()
        var london = try Office("ana", from: start)
        var leeds = try Office("ben", from: start)
        let id = try #require(london.log.session.points.ids.first)
        try london.write(.pointRemoved(id: id))
        try leeds.add("something first")
        try leeds.edit("said before the split", to: "said before the split, edited in Leeds")

        let outcome = try merged(london, leeds, shared: start.count)
        #expect(outcome.session.points.elements.map(\.text) == ["something first"])
        let aside = try #require(outcome.records.first { $0.aside == true })
        #expect(aside.by == "ben")
        #expect(outcome.notices.map(\.kind) == [.setAside])
    }

    @Test("an undo stays an undo when its change is still its writer's newest, and it takes back the right point")
    func undoAcross() throws {
        let start = try shared()
        var london = try Office("ana", from: start)
        var leeds = try Office("ben", from: start)
        try london.add("London, kept")
        try london.add("London, taken back")
        london.records.append(try london.log.recordUndo(at: Fixtures.start, by: "ana"))
        try leeds.add("Leeds, kept")
        try leeds.add("Leeds, second")

        let outcome = try merged(london, leeds, shared: start.count)
        #expect(Set(outcome.session.points.elements.map(\.text)) == ["said before the split", "London, kept", "Leeds, kept", "Leeds, second"])
    }

    @Test("lines written before ids merge too: the shared old lines stay, and each side's new lines are kept once")
    func legacyPrefix() throws {
        var old = SessionLog()
        let legacy = [
            JournalRecord(seq: 1, at: Fixtures.start, event: .created(setup: SessionSetup(details: Fixtures.details(), agenda: Fixtures.agenda))),
            JournalRecord(seq: 2, at: Fixtures.start, event: .pointAdded(point: Fixtures.point(8, .note, "from the old version", item: 3))),
        ]
        for record in legacy { try old.replay(record) }
        var london = try Office("ana", from: legacy)
        var leeds = try Office("ben", from: legacy)
        try london.add("London")
        try leeds.add("Leeds")
        let outcome = try merged(london, leeds, shared: 2)
        #expect(Set(outcome.session.points.elements.map(\.text)) == ["from the old version", "London", "Leeds"])
        // Merging the merged journal with either side again changes nothing: no record is doubled.
        let merged = legacy + outcome.records
        let again = try JournalMerge.merge(prefix: legacy, ours: Array(merged.dropFirst(2)), theirs: Array(london.records.dropFirst(2)))
        #expect(again.session == outcome.session)
        #expect(again.records.count == outcome.records.count)
    }
}
