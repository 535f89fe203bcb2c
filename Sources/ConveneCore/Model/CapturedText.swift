/// Where in a session a piece of text was captured: stable enough to acknowledge a finding by, and
/// precise enough to take a person to it.
public struct TextLocation: Hashable, Sendable, CustomStringConvertible {
    /// The point, topic, context or agenda item holding the text (unused for the session's heading).
    public var entity: EntityID
    /// Which part of it, e.g. `cell-2-1`; empty for a point's text.
    public var part: String
    /// How a person finds the place on screen, e.g. "item 3 · point 2 · ‘Hatch noted…’".
    public var label: String

    /// A short, stable name for the place: `point-12`, `topic-7/cell-2-1`, `session/purpose`.
    public var key: String {
        if isSessionHeading { return "session/\(part)" }
        return part.isEmpty ? "\(kindName)-\(entity)" : "\(kindName)-\(entity)/\(part)"
    }

    /// The session's title or purpose, not something captured under an agenda item.
    public var isSessionHeading: Bool { kindName == "session" }

    let kindName: String

    public var description: String { label }
}

/// One piece of text a person typed into the session.
public struct CapturedText: Sendable {
    public var location: TextLocation
    public var text: String
    /// The agenda item it was captured under: whether the Chatham House Rule covers it.
    public var item: EntityID?
}
