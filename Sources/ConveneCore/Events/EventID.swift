/// An event's name for good: unique across writers and machines, so that a change sent twice
/// (resent after its host died before answering) is kept once, and journals written apart can be
/// merged by id.
///
/// Sixteen hexadecimal digits from the system's random source: 64 bits, so two writers choosing
/// the same id is not a practical concern even across an organisation's whole archive.
public struct EventID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static func random() -> EventID {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let digits = String(value, radix: 16)
        return EventID(String(repeating: "0", count: 16 - digits.count) + digits)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }
}

/// The ids of the newest records a log has kept, so that a change sent again is recognised. A
/// writer waits for each change to be answered before sending the next, so what may come again is
/// at most one change per writer: a window of this size is room for far more writers than a room
/// holds, and keeps the log's memory flat however long the session.
struct RecentEventIDs: Sendable {
    static let capacity = 1_024
    private(set) var ordered: [EventID] = []
    private var members: Set<EventID> = []

    init(_ ids: [EventID] = []) {
        for id in ids { insert(id) }
    }

    func contains(_ id: EventID) -> Bool { members.contains(id) }

    mutating func insert(_ id: EventID) {
        guard members.insert(id).inserted else { return }
        ordered.append(id)
        if ordered.count > Self.capacity { members.remove(ordered.removeFirst()) }
    }

    /// Forgets the newest id (its record was not kept).
    mutating func removeNewest(_ id: EventID) {
        guard ordered.last == id else { return }
        ordered.removeLast()
        members.remove(id)
    }
}
