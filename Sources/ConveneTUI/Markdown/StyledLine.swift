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
        while let last = spans.last {
            let kept = String(last.text.reversed().drop { $0 == " " }.reversed())
            if kept.isEmpty { spans.removeLast(); continue }
            spans[spans.count - 1].text = kept
            break
        }
        return StyledLine(spans)
    }

    static func + (line: StyledLine, span: Span) -> StyledLine { StyledLine(line.spans + [span]) }
    static func + (prefix: Span, line: StyledLine) -> StyledLine { StyledLine([prefix] + line.spans) }
}
