import Foundation

/// One line of a session's journal: an event with its place in this journal, when it happened,
/// its id, who wrote it and its Lamport clock.
///
/// `seq` is a local index (this journal's line order, checked for gaps); `id` and `clock` are what
/// hold across machines: the same set of records sorted by `mergeOrder` replays into the same
/// session anywhere. Lines written before ids existed have neither, and are read as they are:
/// their clock is their place in the journal.
public struct JournalRecord: Codable, Sendable, Equatable {
    /// The fields a journal line may have, for readers that refuse others.
    public static let fieldNames: Set<String> = ["seq", "at", "event", "undoes", "key", "id", "by", "clock", "aside"]

    /// 1, 2, 3, … with no gaps: a gap or repeat means the journal was tampered with or damaged.
    public var seq: Int
    public var at: Date
    public var event: SessionEvent
    /// Set on the inverse event an undo appends: the `seq` of the record it undoes.
    public var undoes: Int?
    /// A script's own name for the change (`convene add --id`), so that running it again after an
    /// uncertain end is recognised and not kept twice.
    public var key: String?
    /// Unique across writers and machines; nil only on lines written before ids.
    public var id: EventID?
    /// Who typed the change (a writer's name), never who said it. Left out where nobody may be
    /// tied to it: a participant's proposal or vote under the Chatham House Rule.
    public var by: String?
    /// Lamport clock: greater than that of every record its writer had seen.
    public var clock: Int?
    /// Set when a merge found the change could no longer apply (what it changed was removed
    /// elsewhere meanwhile): it stays in the history, where `sync` said it is, and changes nothing.
    public var aside: Bool?

    public init(seq: Int, at: Date, event: SessionEvent, undoes: Int? = nil, key: String? = nil,
                id: EventID? = nil, by: String? = nil, clock: Int? = nil, aside: Bool? = nil) {
        self.seq = seq
        self.at = at
        self.event = event
        self.undoes = undoes
        self.key = key
        self.id = id
        self.by = by
        self.clock = clock
        self.aside = aside
    }

    /// The order in which records written apart replay the same everywhere: by clock, then by id
    /// (two writers that reached the same clock are told apart by their events' ids). A record
    /// without a clock takes its place in its journal.
    public static func mergeOrder(_ lhs: JournalRecord, _ rhs: JournalRecord) -> Bool {
        let left = lhs.clock ?? lhs.seq
        let right = rhs.clock ?? rhs.seq
        if left != right { return left < right }
        return (lhs.id?.rawValue ?? "") < (rhs.id?.rawValue ?? "")
    }
}
