import Foundation

/// The context assessment as a Mermaid `quadrantChart`, which GitHub draws from a fenced block.
struct MermaidQuadrantChart {
    var contexts: [ContextAssessment]
    var guide: [EbrahimQuadrant: QuadrantGuide]

    /// The chart's source, without the fence.
    var source: String {
        var lines = [
            "quadrantChart",
            "    title Context assessment",
            "    x-axis Little control --> Broad control",
            "    y-axis Low uncertainty --> High uncertainty",
        ]
        // Mermaid numbers quadrants anticlockwise from the top right.
        let numbered: [(Int, EbrahimQuadrant)] = [
            (1, .highUncertaintyHighControl), (2, .highUncertaintyLowControl),
            (3, .lowUncertaintyLowControl), (4, .lowUncertaintyHighControl),
        ]
        for (number, quadrant) in numbered {
            lines.append("    quadrant-\(number) \(Self.quoted(guide[quadrant]?.label ?? quadrant.axesName, fallback: quadrant.axesName))")
        }
        for (index, context) in contexts.enumerated() {
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { continue }
            let name = Self.quoted(context.name, fallback: "Context \(index + 1)")
            lines.append("    \(name): [\(Self.coordinate(control)), \(Self.coordinate(uncertainty))]")
        }
        return lines.joined(separator: "\n")
    }

    /// Ratings 1…5 as Mermaid's 0…1, written as its lexer reads them: `1`, or `0` and decimals.
    static func coordinate(_ rating: Double) -> String {
        let value = (rating - 1) / 4
        guard value.isFinite, value > 0 else { return "0" }
        let text = String(format: "%.2f", min(value, 1))
        return text.hasPrefix("1") ? "1" : text
    }

    /// Text as a Mermaid string: in quotes, everything is taken as text (a name like `quadrant-1 x`
    /// or `x-axis y` is a label, not a directive). Mermaid has no escape for a quote inside, so one
    /// becomes a typographic quote; the chart's source is one line per statement.
    static func quoted(_ text: String, fallback: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let label = words.isEmpty ? fallback : words
        return "\"" + label.replacingOccurrences(of: "\"", with: "\u{201D}") + "\""
    }
}
