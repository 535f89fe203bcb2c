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
    }

    /// A change a script named with a key: its place, and what it was.
    struct KeyedChange: Sendable {
        let seq: Int
        let event: DeferredEvent
    }

    /// What the newest record changed, kept so a record the disk refused can be taken back.
    private struct LastStep: Sendable {
        let seq: Int
        let inverse: SessionEvent
        let popped: Undoable?
        let pushed: Bool
    }

    public internal(set) var session = Session()
    public internal(set) var lastSeq = 0
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

    /// Applies `event` and returns the record to append to the journal.
    public mutating func record(_ event: SessionEvent, at date: Date, key: String? = nil) throws(SessionError) -> JournalRecord {
        let record = JournalRecord(seq: lastSeq + 1, at: date, event: event, key: key)
        try replay(record)
        return record
    }

    /// Undoes the newest undoable change and returns the record to append.
    public mutating func recordUndo(at date: Date) throws(SessionError) -> JournalRecord {
        guard let top = undoStack.last else { throw .nothingToUndo }
        let inverse: SessionEvent
        do {
            inverse = try resolve(top.inverse)
        } catch {
            throw .undoUnreadable(reason: "\(error)")
        }
        let record = JournalRecord(seq: lastSeq + 1, at: date, event: inverse, undoes: top.seq)
        try replay(record)
        return record
    }

    /// Applies a record read back from a journal (or just built by `record`).
    public mutating func replay(_ record: JournalRecord) throws(SessionError) {
        guard record.seq == lastSeq + 1 else { throw .outOfSequence(expected: lastSeq + 1, found: record.seq) }
        if let undone = record.undoes, undoStack.last?.seq != undone {
            throw .undoMismatch(undoes: undone, newestUndoable: undoStack.last?.seq)
        }
        let inverse = try session.apply(record.event)
        var popped: Undoable?
        var pushed = false
        if record.undoes != nil {
            popped = undoStack.popLast()
        } else if case .created = record.event {
            // Creation is where undo stops.
        } else {
            undoStack.append(Undoable(seq: record.seq, inverse: .event(inverse)))
            pushed = true
        }
        lastSeq = record.seq
        if let key = record.key { keyed[key] = KeyedChange(seq: record.seq, event: .event(record.event)) }
        lastStep = LastStep(seq: record.seq, inverse: inverse, popped: popped, pushed: pushed)
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
        _ = try? session.apply(step.inverse)
        if step.pushed { undoStack.removeLast() }
        if let popped = step.popped { undoStack.append(popped) }
        lastSeq -= 1
        lastStep = nil
    }
}
