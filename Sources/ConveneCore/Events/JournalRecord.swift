import Foundation

/// One line of a session's journal: an event with its place in the sequence and when it happened.
public struct JournalRecord: Codable, Sendable, Equatable {
    /// The fields a journal line may have, for readers that refuse others.
    public static let fieldNames: Set<String> = ["seq", "at", "event", "undoes", "key"]

    /// 1, 2, 3, … with no gaps: a gap or repeat means the journal was tampered with or damaged.
    public var seq: Int
    public var at: Date
    public var event: SessionEvent
    /// Set on the inverse event an undo appends: the `seq` of the record it undoes.
    public var undoes: Int?
    /// A script's own name for the change (`convene add --id`), so that running it again after an
    /// uncertain end is recognised and not kept twice.
    public var key: String?

    public init(seq: Int, at: Date, event: SessionEvent, undoes: Int? = nil, key: String? = nil) {
        self.seq = seq
        self.at = at
        self.event = event
        self.undoes = undoes
        self.key = key
    }
}
