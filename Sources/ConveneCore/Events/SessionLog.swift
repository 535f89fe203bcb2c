import Foundation

/// A session together with what can be undone: the state a journal replays into and a writer extends.
///
/// Pure: it builds the records, the store writes them. Undo never rewrites history; it appends the
/// inverse of the newest undoable record, marked with `undoes`, so replaying a journal rebuilds the
/// same undo stack.
public struct SessionLog: Sendable {
    private struct Undoable: Sendable {
        let seq: Int
        let inverse: SessionEvent
    }

    /// What the newest record changed, kept so a record the disk refused can be taken back.
    private struct LastStep: Sendable {
        let seq: Int
        let inverse: SessionEvent
        let popped: Undoable?
        let pushed: Bool
    }

    public private(set) var session = Session()
    public private(set) var lastSeq = 0
    private var undoStack: [Undoable] = []
    private var lastStep: LastStep?
    /// The records that scripts named with a key, by key.
    public private(set) var keyed: [String: JournalRecord] = [:]

    public init() {}

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
        let record = JournalRecord(seq: lastSeq + 1, at: date, event: top.inverse, undoes: top.seq)
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
            undoStack.append(Undoable(seq: record.seq, inverse: inverse))
            pushed = true
        }
        lastSeq = record.seq
        if let key = record.key { keyed[key] = record }
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
