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

    /// Draws the status on as many as `maxLines` rows ending at `row`, over what is there, so a
    /// long problem (a path, the reason, what to do) is read whole; the last row ends in "…" if
    /// even those are too few.
    func draw(into frame: inout Frame, endingAt row: Int, maxLines: Int) {
        var lines = TextLayout.wrap(text, width: frame.width - 2)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines - 1)) + [TextLayout.truncate(lines[(maxLines - 1)...].joined(separator: " "), to: frame.width - 2)]
        }
        let first = row - lines.count + 1
        for (offset, line) in lines.enumerated() where first + offset >= 0 {
            frame.clear(frame.bounds.row(first + offset))
            frame.put(" " + line, row: first + offset, column: 0, style: style)
        }
    }
}
