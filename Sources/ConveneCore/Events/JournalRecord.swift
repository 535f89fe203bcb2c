import Foundation

/// One line of a session's journal: an event with its place in the sequence and when it happened.
public struct JournalRecord: Codable, Sendable, Equatable {
    /// 1, 2, 3, … with no gaps: a gap or repeat means the journal was tampered with or damaged.
    public var seq: Int
    public var at: Date
    public var event: SessionEvent
    /// Set on the inverse event an undo appends: the `seq` of the record it undoes.
    public var undoes: Int?

    public init(seq: Int, at: Date, event: SessionEvent, undoes: Int? = nil) {
        self.seq = seq
        self.at = at
        self.event = event
        self.undoes = undoes
    }
}
