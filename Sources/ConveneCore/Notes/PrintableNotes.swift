import Foundation

/// The notes made ready for pandoc to turn into a printed record (HTML, PDF, DOCX): rendered with
/// the 2×2 as a real picture where the template says `{{contextChart}}` (a Markdown viewer draws
/// the Mermaid of `notes.md`; pandoc does not), and without the front matter, which is for tools
/// (the document's own heading is its title).
public struct PrintableNotes: Sendable {
    /// How the picture of the 2×2 goes into the document.
    public enum ChartPlacement: Equatable, Sendable {
        /// The SVG itself in a `<figure>`, for HTML and for PDF made from HTML.
        case inline
        /// A Markdown image of this file (beside the Markdown), for formats that drop raw HTML.
        case image(file: String)
    }

    /// The notes rendered with the chart placed as asked.
    private let render: @Sendable (ChartPlacement) -> String
    /// The SVG of the 2×2, nil when no context has been rated: the file an `.image` names.
    public let chart: String?

    /// The notes of `session` through `renderer` (the user's template, when they have one).
    public init(session: Session, renderer: NotesRenderer) {
        render = { renderer.render(session, chart: .picture($0)) }
        let rated = session.contexts.elements
        chart = rated.contains { !$0.ratings.isEmpty } ? ContextChartSVG(contexts: rated, guide: session.quadrantGuide).source : nil
    }

    public func markdown(placing placement: ChartPlacement) -> String {
        String(Self.withoutFrontMatter(render(placement)))
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
