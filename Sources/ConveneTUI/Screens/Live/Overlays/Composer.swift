import ConveneCore

/// The point being typed: its text in a field, the kind `Tab` cycles through, and which point it
/// edits, if any.
public struct Composer: Equatable, Sendable {
    public var field: TextField
    public var kind: PointKind
    /// Set when editing an existing point rather than adding one.
    public let editing: EntityID?

    public init(text: String = "", kind: PointKind = .note, editing: EntityID? = nil) {
        field = TextField(text: text)
        self.kind = kind
        self.editing = editing
    }

    public var text: String { field.text }
    public var isBlank: Bool { field.isBlank }

    /// Typed or pasted text; control characters never enter the draft.
    public mutating func insert(_ text: String) { field.insert(text) }

    /// Applies an editing key; other keys are left to the screen.
    public mutating func edit(with key: Key) { field.edit(with: key) }

    public mutating func cycleKind(forward: Bool = true) {
        let kinds = PointKind.allCases
        let index = kinds.firstIndex(of: kind) ?? 0
        kind = kinds[(index + (forward ? 1 : kinds.count - 1)) % kinds.count]
    }
}
