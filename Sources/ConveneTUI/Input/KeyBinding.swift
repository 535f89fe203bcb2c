/// One row of a key table: the keys, what they do, and how help describes it.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Shown in the one-line hint at the bottom of the screen.
    public var hint: String?
    /// The keys as the hint names them, when not the first key ("j/k" for a pair of bindings).
    public var hintKeys: String?

    public init(keys: [Key], action: Action, help: String, hint: String?, hintKeys: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
    }

    public var label: String { keys.map(\.label).joined(separator: "/") }
}
