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

extension Composer: LiveOverlay {
    var isField: Bool { true }

    /// Its own keys, else an edit of the text. Enter settles the point with the panel on screen;
    /// Esc puts it aside for the next `a` to bring back.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        guard let action = KeyMap.action(for: key, in: context.keys.compose) else {
            edit(with: key)
            return []
        }
        switch action {
        case .commit:
            guard !isBlank else {
                return context.notice("Nothing to save: type the point, or \(KeyMap.label(of: .cancel, in: context.keys.compose)) to cancel")
            }
            context.close(answering: .point(self))
        case .cancel:
            context.close()
            guard editing == nil, !isBlank else { return context.notice("Cancelled") }
            context.draft = self
            return context.notice("Put aside: \(context.keys[.add]) brings the text back")
        case .cycleKind: cycleKind()
        case .cycleKindBack: cycleKind(forward: false)
        case .newline: insert("\n")
        case .editor: return [.editExternally(text)]
        case .setKind(let kind): self.kind = kind
        }
        return []
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.compose) }
}
