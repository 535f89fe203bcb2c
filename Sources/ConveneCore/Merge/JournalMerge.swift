import Foundation

/// Merges two journals of one session written apart (two offices, a note-taker on a train) into
/// one that every machine computes the same, losing and doubling nothing.
///
/// Both journals start with the records they share (`prefix`, the same lines on both sides).
/// What each wrote after it (its tail) is merged by event id: a record both tails hold is kept
/// once, and the records replay in clock order, then by id (see `JournalRecord.mergeOrder`), which
/// depends on neither side being "ours". Replaying in that order needs three repairs, all
/// deterministic:
/// - **Ids.** Both offices gave their new points the session's next id. Each side's new
///   entities are named by the record that created them (`EntityKey`); in the merged journal they
///   take the next ids free, and every later change of that side is read through its
///   `EntityIDTranslation`, so it still names the same point.
/// - **Whole values.** A change carries the whole point (item, table, …). It is merged part by
///   part with what the other side changed meanwhile (`ThreeWayMerge`), against the value it was
///   made from on its own side; where both changed the same part, the later stands and a
///   `MergeNotice` says what gave way.
/// - **Changes that no longer apply** (an edit of a point the other office removed) are kept in
///   the journal marked `aside`: in the history, changing nothing. An undo whose change is no
///   longer its writer's newest becomes the plain change it was.
public enum JournalMerge {
    public struct Outcome: Sendable {
        /// The merged tail, numbered on from the prefix: what follows the prefix in the journal.
        public var records: [JournalRecord]
        public var notices: [MergeNotice]
        /// The session the merged journal replays into.
        public var session: Session
    }

    /// Merges the tails `ours` and `theirs`, each written after `prefix`.
    public static func merge(prefix: [JournalRecord], ours: [JournalRecord], theirs: [JournalRecord]) throws(SessionError) -> Outcome {
        var log = SessionLog()
        var mergedSeq: [String: Int] = [:]
        for record in prefix {
            try log.replay(record)
            mergedSeq[identity(of: record)] = record.seq
        }
        let sides = [MergeSide(tail: ours, after: log.session), MergeSide(tail: theirs, after: log.session)]
        var replay = MergedReplay(log: log, mergedSeq: mergedSeq, sides: sides)
        for (record, side) in union(of: sides, leaving: Set(mergedSeq.keys)) {
            replay.add(record, from: side)
        }
        return Outcome(records: replay.records, notices: replay.notices, session: replay.log.session)
    }

    /// A record's name for merging: its event id, or for a line written before ids, its content.
    static func identity(of record: JournalRecord) -> String {
        if let id = record.id { return id.rawValue }
        var hash = FNV1a()
        hash.add(String(describing: record.at.timeIntervalSince1970))
        hash.add(record.by ?? "")
        if let data = try? JSONEncoder.sorted.encode(record.event) { hash.add(data) }
        return "~" + hash.hex
    }

    /// Every record of both tails once, in the order they replay.
    private static func union(of sides: [MergeSide], leaving shared: Set<String>) -> [(JournalRecord, Int)] {
        var chosen: [String: (record: JournalRecord, side: Int)] = [:]
        for (index, side) in sides.enumerated() {
            for record in side.tail {
                let name = identity(of: record)
                guard !shared.contains(name) else { continue }
                if let held = chosen[name] {
                    // The same change as two journals wrote it (one rewritten by an earlier merge):
                    // which is kept must not depend on which side is which.
                    if held.record != record, encodedLine(record).lexicographicallyPrecedes(encodedLine(held.record)) { chosen[name] = (record, index) }
                } else {
                    chosen[name] = (record, index)
                }
            }
        }
        return chosen.sorted { lhs, rhs in
            let left = lhs.value.record.clock ?? lhs.value.record.seq, right = rhs.value.record.clock ?? rhs.value.record.seq
            return left != right ? left < right : lhs.key < rhs.key
        }.map { ($0.value.record, $0.value.side) }
    }

    private static func encodedLine(_ record: JournalRecord) -> Data {
        (try? JSONEncoder.sorted.encode(record)) ?? Data()
    }
}

/// A new entity named by the record that created it, the same on every machine: the record's
/// identity and the entity's place among those the record created.
struct EntityKey: Hashable, Sendable {
    let record: String
    let index: Int
}

/// One side's tail, read on its own: which ids its records created, and the value each whole-value
/// change replaced there (what the change was made from).
struct MergeSide {
    let tail: [JournalRecord]
    /// The ids this side's tail created, by what created them.
    var created: [EntityID: EntityKey] = [:]
    var createdIDs: [EntityKey: EntityID] = [:]
    /// The inverse of each whole-value change as this side applied it: the value it replaced.
    var before: [String: SessionEvent] = [:]
    /// This side's own numbering of its tail, to find what an undo names.
    var identityOfSeq: [Int: String] = [:]

    init(tail: [JournalRecord], after start: Session) {
        self.tail = tail
        var state = start
        for record in tail {
            let name = JournalMerge.identity(of: record)
            identityOfSeq[record.seq] = name
            // An id given out before is a thing coming back (an undone removal), not a new one:
            // it stays the entity it was.
            for (index, id) in record.event.createdIDs.enumerated() where id.rawValue > state.lastID {
                created[id] = EntityKey(record: name, index: index)
                createdIDs[EntityKey(record: name, index: index)] = id
            }
            guard record.aside != true, let inverse = try? state.apply(record.event) else { continue }
            if record.event.replacesWholeValue { before[name] = inverse }
        }
    }
}

/// The merged journal as it is built: the log replayed so far and what to tell.
private struct MergedReplay {
    var log: SessionLog
    /// Where each record kept so far stands in the merged journal, by identity.
    var mergedSeq: [String: Int]
    let sides: [MergeSide]
    /// Per side: its ids as the merged journal names them (those its tail created).
    var translations: [[EntityID: EntityID]]
    var records: [JournalRecord] = []
    var notices: [MergeNotice] = []
    /// Who last changed each thing, on which side, by which record: who gives way to a later change.
    var lastWriter: [String: (by: String?, side: Int, event: EventID?)] = [:]
    /// How many records both journals share.
    let prefixLength: Int

    init(log: SessionLog, mergedSeq: [String: Int], sides: [MergeSide]) {
        self.log = log
        prefixLength = log.lastSeq
        self.mergedSeq = mergedSeq
        self.sides = sides
        translations = sides.map { _ in [:] }
    }

    mutating func add(_ written: JournalRecord, from side: Int) {
        let name = JournalMerge.identity(of: written)
        // What the record creates takes the next ids free, on every side that holds it.
        let firstFree = log.session.lastID + 1
        for index in written.event.createdIDs.indices {
            let key = EntityKey(record: name, index: index)
            for other in sides.indices {
                if let id = sides[other].createdIDs[key] { translations[other][id] = EntityID(firstFree + index) }
            }
        }
        var event = translated(written.event, from: side)
        var gaveWay: [String] = []
        if let before = sides[side].before[name].map({ translated($0, from: side) }) {
            (event, gaveWay) = JournalMerge.merged(event, madeFrom: before, into: log.session)
        }
        var record = JournalRecord(seq: log.lastSeq + 1, at: written.at, event: event, undoes: undone(by: written, from: side),
                                   key: written.key, id: written.id, by: written.by, clock: written.clock)
        let target = JournalMerge.target(of: event)
        do {
            try log.replay(record)
        } catch {
            record.aside = true
            record.undoes = nil
            // An aside record applies nothing, so it cannot be refused.
            try? log.replay(record)
            notices.append(MergeNotice(kind: .setAside, place: target.map { JournalMerge.place($0, in: log.session) } ?? "the session",
                                       parts: ["\(error)"], gaveWayBy: written.by, gaveWayHere: side == 0, keptBy: nil, keptHere: side != 0,
                                       event: written.id))
        }
        records.append(record)
        mergedSeq[name] = record.seq
        guard record.aside != true, let target else { return }
        if !gaveWay.isEmpty, let previous = lastWriter[target] {
            notices.append(MergeNotice(kind: .replaced, place: JournalMerge.place(target, in: log.session), parts: gaveWay,
                                       gaveWayBy: previous.by, gaveWayHere: previous.side == 0, keptBy: written.by, keptHere: side == 0,
                                       event: previous.event))
        }
        lastWriter[target] = (written.by, side, written.id)
    }

    /// `event` of `side` with its ids as the merged journal names them. An id the side created
    /// whose creating change was set aside names nothing, so the change naming it is set aside too.
    private func translated(_ event: SessionEvent, from side: Int) -> SessionEvent {
        let table = translations[side]
        let created = sides[side].created
        guard !created.isEmpty else { return event }
        let translation = EntityIDTranslation { id in table[id] ?? (created[id] == nil ? id : .largest) }
        return (try? translation.translate(event)) ?? event
    }

    /// The merged `undoes` of an undo: kept while what it undoes is still its writer's newest
    /// change in the merged order; otherwise the undo is kept as the plain change it is.
    private func undone(by record: JournalRecord, from side: Int) -> Int? {
        guard let undoes = record.undoes else { return nil }
        // The prefix keeps its numbering; a tail record is found by name.
        let seq = undoes <= prefixLength ? undoes : sides[side].identityOfSeq[undoes].flatMap { mergedSeq[$0] }
        guard let seq, log.newestUndoableSeq(by: record.by) == seq else { return nil }
        return seq
    }
}

extension JSONEncoder {
    /// Keys sorted: the same bytes for the same value on every machine.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
