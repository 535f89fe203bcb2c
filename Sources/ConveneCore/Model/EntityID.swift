/// Identifies one thing captured in a session: an attendee, agenda item, point, topic or context.
///
/// One counter serves every kind, so an id alone names a place in the record (the disclosure check
/// and the CLI rely on that). Encoded as a bare integer to keep journal lines short and readable.
public struct EntityID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    /// The largest id a session gives out: every JSON reader keeps integers up to 2^53 exactly,
    /// and a session that reached it by counting one at a time will never exist. An id from a file
    /// beyond it (or below 1) is refused, so the next id is always one more without overflowing.
    public static let largest = EntityID((1 << 53) - 1)
    public static let valid = 1...largest.rawValue

    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        // Journals merged from apart read each side's ids through its translation (see
        // `EntityIDTranslation`); an ordinary read has no user info and pays one emptiness check.
        if !decoder.userInfo.isEmpty, let translation = decoder.userInfo[EntityIDTranslation.key] as? EntityIDTranslation {
            rawValue = translation.merged(EntityID(value)).rawValue
        } else {
            rawValue = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// Anything kept in an `OrderedStore`.
public protocol Identified: Sendable, Equatable {
    var id: EntityID { get }
}
