/// What a screen last said: the outcome of a key ("✓ Saved"), or a problem, in red. Every screen
/// keeps one and draws it the same way.
public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    var style: Style { isError ? .danger : Style(role: .success) }

    /// Draws the status on `rect`'s first row after a space, ending in "…" where it cannot fit;
    /// `framed` adds a space after it too, to set it into a rule.
    func draw(into frame: inout Frame, in rect: Rect, framed: Bool = false) {
        frame.put(" " + TextLayout.truncate(text, to: rect.width - 2) + (framed ? " " : ""), in: rect, style: style)
    }
}
