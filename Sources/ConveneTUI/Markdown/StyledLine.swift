/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of laid-out text.
public struct StyledLine: Equatable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { DisplayWidth.of(text) }

    /// Without trailing blanks: indentation alone does not make a line.
    var trimmed: StyledLine {
        var spans = self.spans
        while let last = spans.last, last.text.isEmpty || last.text.utf8.last == UInt8(ascii: " ") {
            // Cut at the last character that is not a blank: one search, no character-by-character copy.
            guard let end = last.text.lastIndex(where: { $0 != " " }) else {
                spans.removeLast()
                continue
            }
            spans[spans.count - 1].text = String(last.text[...end])
            break
        }
        return StyledLine(spans)
    }

    static func + (line: StyledLine, span: Span) -> StyledLine { StyledLine(line.spans + [span]) }
    static func + (prefix: Span, line: StyledLine) -> StyledLine { StyledLine([prefix] + line.spans) }
}
