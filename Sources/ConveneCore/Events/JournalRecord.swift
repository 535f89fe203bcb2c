import Foundation

/// One line of a session's journal: an event with its place in the sequence and when it happened.
public struct JournalRecord: Codable, Sendable, Equatable {
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

extension JournalRecord {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case seq, at, event, undoes, key
    }

    /// Refuses fields it does not know, naming them: a journal written by a newer Convene, or edited
    /// by hand, is not half-read.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int.self, forKey: .seq)
        at = try container.decode(Date.self, forKey: .at)
        event = try container.decode(SessionEvent.self, forKey: .event)
        undoes = try container.decodeIfPresent(Int.self, forKey: .undoes)
        key = try container.decodeIfPresent(String.self, forKey: .key)
    }
}
