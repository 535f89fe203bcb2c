import Foundation

/// A session together with what can be undone: the state a journal replays into and a writer extends.
///
/// Pure: it builds the records, the store writes them. Undo never rewrites history; it appends the
/// inverse of the newest undoable record, marked with `undoes`, so replaying a journal rebuilds the
/// same undo stack.
public struct SessionLog: Sendable {
    struct Undoable: Sendable {
        let seq: Int
        let inverse: DeferredEvent
        /// Who made the change: with several writers, each undoes their own.
        var by: String? = nil
    }

    /// A change a script named with a key: its place, and what it was.
    struct KeyedChange: Sendable {
        let seq: Int
        let event: DeferredEvent
    }

    /// What the newest record changed, kept so a record the disk refused can be taken back.
    private struct LastStep: Sendable {
        let seq: Int
        /// Nil for a record set aside, which changed nothing.
        let inverse: SessionEvent?
        /// The undo step an undo took off the stack, and where it stood.
        let popped: (step: Undoable, index: Int)?
        let pushed: Bool
        let id: EventID?
        let clock: Int
    }

    public internal(set) var session = Session()
    public internal(set) var lastSeq = 0
    /// The greatest Lamport clock seen: the next record's clock is one more.
    public internal(set) var lastClock = 0
    /// The ids of the newest records, to recognise a change sent again.
    var recentIDs = RecentEventIDs()
    var undoStack: [Undoable] = []
    private var lastStep: LastStep?
    /// The changes that scripts named with a key, by key.
    var keyed: [String: KeyedChange] = [:]
    /// Reads the events a checkpoint left encoded; nil for a log built by replay alone.
    var eventCoding: CheckpointEventCoding?

    public init() {}

    /// The change a script kept under `key`, if one did.
    public func event(forKey key: String) throws -> SessionEvent? {
        guard let change = keyed[key] else { return nil }
        return try resolve(change.event)
    }

    private func resolve(_ event: DeferredEvent) throws -> SessionEvent {
        switch event {
        case .event(let event):
            return event
        case .encoded:
            guard let eventCoding else { throw CheckpointError("an encoded event without a way to read it") }
            return try eventCoding.resolve(event)
        }
    }

    public var canUndo: Bool { !undoStack.isEmpty }

    /// Whether `by` has a change of their own to undo (any writer's, for nil).
    public func canUndo(by author: String?) -> Bool { undoIndex(by: author) != nil }

    /// Whether a record with this id is among the newest kept: a change sent again.
    public func hasRecent(_ id: EventID) -> Bool { recentIDs.contains(id) }

    /// Applies `event` and returns the record to append to the journal, stamped with `id` (a new
    /// one unless the sender chose it), its author and the next clock.
    public mutating func record(_ event: SessionEvent, at date: Date, key: String? = nil, id: EventID = .random(),
                                by author: String? = nil) throws(SessionError) -> JournalRecord {
        let record = JournalRecord(seq: lastSeq + 1, at: date, event: event, key: key, id: id, by: author, clock: lastClock + 1)
        try replay(record)
        return record
    }

    /// Undoes the newest undoable change (`by` that author's, when given: with several writers, `u`
    /// takes back your own change, never someone else's) and returns the record to append.
    public mutating func recordUndo(at date: Date, id: EventID = .random(), by author: String? = nil) throws(SessionError) -> JournalRecord {
        guard let index = undoIndex(by: author) else { throw .nothingToUndo }
        let inverse: SessionEvent
        do {
            inverse = try resolve(undoStack[index].inverse)
        } catch {
            throw .undoUnreadable(reason: "\(error)")
        }
        let record = JournalRecord(seq: lastSeq + 1, at: date, event: inverse, undoes: undoStack[index].seq, id: id, by: author,
                                   clock: lastClock + 1)
        try replay(record)
        return record
    }

    private func undoIndex(by author: String?) -> Int? {
        guard let author else { return undoStack.indices.last }
        return undoStack.lastIndex { $0.by == author }
    }

    /// Applies a record read back from a journal (or just built by `record`).
    public mutating func replay(_ record: JournalRecord) throws(SessionError) {
        guard record.seq == lastSeq + 1 else { throw .outOfSequence(expected: lastSeq + 1, found: record.seq) }
        // An undo takes back a change still on the stack: the newest, or with several writers the
        // newest of its author's (whose later changes by others stay).
        var undoneIndex: Int?
        if let undone = record.undoes {
            let newest = undoIndex(by: record.by)
            guard let newest, undoStack[newest].seq == undone else {
                throw .undoMismatch(undoes: undone, newestUndoable: newest.map { undoStack[$0].seq })
            }
            undoneIndex = newest
        }
        guard record.aside != true else {
            // Kept for the history only: it takes its place in the order and changes nothing.
            guard record.undoes == nil else { throw .undoMismatch(undoes: record.undoes ?? 0, newestUndoable: nil) }
            advance(past: record, inverse: nil, popped: nil, pushed: false)
            return
        }
        let inverse = try session.apply(record.event)
        var popped: (step: Undoable, index: Int)?
        var pushed = false
        if let undoneIndex {
            popped = (undoStack.remove(at: undoneIndex), undoneIndex)
        } else if case .created = record.event {
            // Creation is where undo stops.
        } else {
            undoStack.append(Undoable(seq: record.seq, inverse: .event(inverse), by: record.by))
            pushed = true
        }
        advance(past: record, inverse: inverse, popped: popped, pushed: pushed)
    }

    /// The newest change `author` (anyone, for nil) can still undo: what a merged undo must name.
    func newestUndoableSeq(by author: String?) -> Int? {
        undoIndex(by: author).map { undoStack[$0].seq }
    }

    private mutating func advance(past record: JournalRecord, inverse: SessionEvent?, popped: (step: Undoable, index: Int)?, pushed: Bool) {
        lastSeq = record.seq
        let previousClock = lastClock
        // A line from before clocks counts as one tick: its place in the journal.
        lastClock = max(lastClock + (record.clock == nil ? 1 : 0), record.clock ?? 0)
        if let id = record.id { recentIDs.insert(id) }
        if let key = record.key, inverse != nil { keyed[key] = KeyedChange(seq: record.seq, event: .event(record.event)) }
        lastStep = LastStep(seq: record.seq, inverse: inverse, popped: popped, pushed: pushed, id: record.id, clock: previousClock)
    }

    /// Takes back the newest record when the journal could not keep it, so that memory never runs
    /// ahead of the disk.
    public mutating func rollBack(_ record: JournalRecord) {
        guard let step = lastStep, step.seq == record.seq else { return }
        if case .created = record.event {
            self = SessionLog()
            return
        }
        if let key = record.key, keyed[key]?.seq == record.seq { keyed[key] = nil }
        if let inverse = step.inverse { _ = try? session.apply(inverse) }
        if step.pushed { undoStack.removeLast() }
        if let popped = step.popped { undoStack.insert(popped.step, at: popped.index) }
        if let id = step.id { recentIDs.removeNewest(id) }
        lastClock = step.clock
        lastSeq -= 1
        lastStep = nil
    }
}
