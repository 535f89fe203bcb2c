import Foundation

/// The notes made ready for pandoc to turn into a printed record (HTML, PDF, DOCX): the front
/// matter, which is for tools, is left out (the document's own heading is its title), and the
/// Mermaid 2×2, which only a Markdown viewer draws, becomes a real picture.
public struct PrintableNotes {
    /// How the picture of the 2×2 goes into the document.
    public enum ChartPlacement: Equatable, Sendable {
        /// The SVG itself in a `<figure>`, for HTML and for PDF made from HTML.
        case inline
        /// A Markdown image of this file (beside the Markdown), for formats that drop raw HTML.
        case image(file: String)
    }

    public var notes: String
    /// The SVG of the 2×2, nil when no context has been rated.
    public var chart: String?

    public init(notes: String, chart: String?) {
        self.notes = notes
        self.chart = chart
    }

    /// The notes of `session` as rendered in `notes`, with its chart.
    public init(notes: String, session: Session) {
        let rated = session.contexts.elements
        let chart = rated.contains { !$0.ratings.isEmpty }
            ? ContextChartSVG(contexts: rated, guide: session.quadrantGuide).source
            : nil
        self.init(notes: notes, chart: chart)
    }

    public func markdown(placing placement: ChartPlacement) -> String {
        var lines = Self.withoutFrontMatter(notes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let chart, let block = Self.mermaidChartBlock(in: lines) {
            lines.replaceSubrange(block, with: Self.figure(chart, placement: placement))
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of the fenced ```` ```mermaid ```` block that draws the `quadrantChart`, fences
    /// included.
    static func mermaidChartBlock(in lines: [String]) -> ClosedRange<Int>? {
        var index = 0
        while index < lines.count {
            if lines[index] == "```mermaid", index + 1 < lines.count, lines[index + 1] == "quadrantChart",
               let end = lines[(index + 1)...].firstIndex(of: "```") {
                return index...end
            }
            index += 1
        }
        return nil
    }

    static func figure(_ chart: String, placement: ChartPlacement) -> [String] {
        switch placement {
        case .inline:
            // An HTML block runs to the next blank line, and the SVG has none.
            ["<figure class=\"context-chart\">", chart, "<figcaption>\(XMLText.escaped(ContextChartSVG.caption))</figcaption>", "</figure>"]
        case .image(let file):
            ["![\(MarkdownEscaping.inline(ContextChartSVG.caption))](\(file))"]
        }
    }

    static func withoutFrontMatter(_ notes: String) -> Substring {
        guard let fenced = FrontMatter.range(in: Substring(notes)) else { return Substring(notes) }
        return notes[fenced.upperBound...].drop { $0 == "\n" }
    }
}
