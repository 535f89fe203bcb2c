/// A writer's edit of a point that another writer's change, made from a session that did not yet
/// have it, replaced: the host orders the two and keeps the later, and tells the earlier writer,
/// with their text, so they can put it back.
public struct ReplacedEdit: Codable, Sendable, Equatable {
    /// The point, when a point's text was replaced; nil for a part of a divergence table, an
    /// agenda item (a checklist response) or a context.
    public var point: EntityID?
    /// What this writer had saved: the point's text, or which parts said what.
    public var text: String
    /// Who replaced it.
    public var by: String
    /// Where, when it is not a point: the table's, item's or context's name.
    public var place: String?

    public init(point: EntityID?, text: String, by: String, place: String? = nil) {
        self.point = point
        self.text = text
        self.by = by
        self.place = place
    }
}

/// Someone in a live session: the name they joined under (`--as`) and their role.
public struct LivePerson: Codable, Sendable, Equatable, Hashable {
    public var name: String
    public var role: LiveRole
    /// The point they have open to edit, if any: others see who is editing what.
    public var editing: EntityID?

    public init(name: String, role: LiveRole, editing: EntityID? = nil) {
        self.name = name
        self.role = role
        self.editing = editing
    }

    /// The same person, whatever they are editing.
    public func isSame(as other: LivePerson?) -> Bool { other.map { $0.name == name && $0.role == role } ?? false }
}
