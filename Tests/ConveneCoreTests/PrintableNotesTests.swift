@testable import ConveneCore
import Foundation
import FoundationXML
import Testing

/// The notes as pandoc receives them for HTML, PDF and DOCX, and the 2×2 drawn as SVG.
@Suite("Printable notes and the 2×2 picture")
struct PrintableNotesTests {
    private func session(contexts: [ContextAssessment]) throws -> Session {
        var session = Fixtures.created()
        for context in contexts { try session.apply(.contextAdded(context: context)) }
        return session
    }

    private func context(_ id: Int, _ name: String, _ ratings: [(Int, Int)]) -> ContextAssessment {
        ContextAssessment(id: EntityID(id), name: name, item: EntityID(5), ratings: ratings.map { Rating(uncertainty: $0.0, control: $0.1) })
    }

    private func renderer(_ template: String? = nil) throws -> NotesRenderer {
        let source = try template ?? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Templates/notes.mustache").standardized, encoding: .utf8)
        return try NotesRenderer(source: source, file: "notes.mustache")
    }

    @Test("front matter goes, the Mermaid block becomes the picture, and every other line stays as it was")
    func placement() throws {
        let session = try session(contexts: [context(40, "Homelessness support", [(4, 2)])])
        let notes = try renderer().render(session)
        #expect(notes.hasPrefix("---\n") && notes.contains("```mermaid"))
        let printable = PrintableNotes(session: session, renderer: try renderer())

        let inline = printable.markdown(placing: .inline)
        #expect(inline.hasPrefix("# Learning and accountability\n"))
        #expect(!inline.contains("```mermaid") && !inline.contains("quadrantChart"))
        let figure = try #require(inline.range(of: "<figure class=\"context-chart\">\n<svg")?.lowerBound)
        let block = inline[figure...].components(separatedBy: "\n\n")[0]
        #expect(block.hasSuffix("</figure>"), "the HTML block must end at the figure, with no blank line inside")

        let image = printable.markdown(placing: .image(file: "context-chart.svg"))
        #expect(image.contains("](context-chart.svg)\n"))
        #expect(!image.contains("<svg"))

        // Everything but the chart, line for line.
        let body = notes.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
            .drop { $0 == "\n" }
        let withoutMermaid = body.replacing(/```mermaid\nquadrantChart\n[^`]*```\n/, with: "")
        let withoutFigure = inline.replacing(/<figure class="context-chart">\n[\s\S]*<\/figure>\n/, with: "")
        #expect(withoutFigure == String(withoutMermaid))
    }

    @Test("a template that places {{contextChart}} anywhere, in any words, gets the picture there; one without it gets none")
    func chartWhereTheTemplateSays() throws {
        let session = try session(contexts: [context(40, "Homelessness support", [(4, 2)])])
        let own = try renderer("# {{title}}\n\nThe picture:\n\n{{contextChart}}\n\nThe end.\n")
        #expect(own.render(session).contains("```mermaid\nquadrantChart"), "notes.md draws it as Mermaid")
        let printed = PrintableNotes(session: session, renderer: own).markdown(placing: .inline)
        #expect(printed.contains("The picture:\n\n<figure class=\"context-chart\">\n<svg"), "\(printed)")
        #expect(printed.hasSuffix("</figure>\n\nThe end.\n"))
        let without = try renderer("# {{title}}\n\n```mermaid\nflowchart LR\n```\n")
        #expect(PrintableNotes(session: session, renderer: without).markdown(placing: .inline)
                == "# Learning and accountability\n\n```mermaid\nflowchart LR\n```\n", "nothing else is touched")
    }

    @Test("notes with no rated context have no chart")
    func nothingToDraw() throws {
        let unrated = try session(contexts: [context(40, "Not yet rated", [])])
        let printable = PrintableNotes(session: unrated, renderer: try renderer())
        #expect(printable.chart == nil)
        #expect(!printable.markdown(placing: .inline).contains("<figure"))
    }

    @Test("names that are markup, control characters or any script make well-formed SVG that says them as typed")
    func hostileNames() throws {
        let names = ["<script>alert(1)</script>", "Tom & Jerry's \"club\"", "Bell\u{07}and\u{1B}[2Jescape", "日本語の文脈", "👩🏽‍💻 digital"]
        let contexts = names.enumerated().map { context(40 + $0.offset, $0.element, [(1 + $0.offset, 5 - $0.offset)]) }
        let svg = ContextChartSVG(contexts: contexts, guide: Fixtures.guide).source
        let document = try XMLDocument(xmlString: svg)
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        let named = { (name: String) in texts.contains { $0.hasPrefix(name + ": control") } }
        #expect(named("<script>alert(1)</script>"))
        #expect(named("Tom & Jerry's \"club\""))
        #expect(named("Belland[2Jescape"), "control characters are left out")
        #expect(named("日本語の文脈") && named("👩🏽‍💻 digital"))
        #expect(!svg.contains("\n\n"), "a blank line would end the Markdown HTML block")
        #expect(try document.nodes(forXPath: "//*[local-name()='circle']").count == names.count)
    }

    @Test("contexts rated alike share a numbered dot; every name stands whole in the legend, none on the plot, none over another")
    func closeRatingsNeverOverlap() throws {
        let long = "Integrated health and social care for older people living alone in rural districts"
        let contexts = [context(40, long, [(4, 2)]), context(41, "Homelessness support", [(4, 2), (4, 2), (4, 2), (4, 2), (4, 3)]), context(42, "Vaccination", [(1, 5)])]
        let svg = ContextChartSVG(contexts: contexts, guide: Fixtures.guide).source
        let document = try XMLDocument(xmlString: svg)
        #expect(try document.nodes(forXPath: "//*[local-name()='circle']").count == 2, "a fifth of a rating apart: one dot")
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("1, 2") && texts.contains("3"))
        let legend = texts.drop { !$0.hasPrefix("Integrated") }.joined(separator: " ")
        #expect(legend.contains(long + ": control 2, uncertainty 4"), "\(texts)")
        #expect(texts.contains("Homelessness support: control 2.2, uncertainty 4"))
        #expect(!texts.contains { $0.contains("…") }, "a name was cut")
        let height = try #require(svg.firstMatch(of: /height="(\d+)"/).flatMap { Double($0.1) })
        #expect(height > 560, "the legend has room under the plot")
        // Wide characters take two columns: a long Japanese name wraps where an English one would.
        #expect(ContextChartSVG.wrappedFully(String(repeating: "日本語の文脈 ", count: 12), width: 84).count == 2, "six of twelve to a line")
    }

    @Test("a dot sits at the context's means; contexts with equal means share one, numbered for each")
    func positions() throws {
        let contexts = [context(40, "Top left", [(5, 1)]), context(41, "Centre", [(3, 3), (2, 4), (4, 2)]), context(42, "Also centre", [(3, 3)])]
        let svg = ContextChartSVG(contexts: contexts, guide: Fixtures.guide).source
        let centres = svg.matches(of: /<circle cx="([\d.]+)" cy="([\d.]+)"/).compactMap { match in
            Double(match.1).flatMap { x in Double(match.2).map { (x, $0) } }
        }
        #expect(centres.count == 2, "equal means share a dot")
        // The plot is 400 units square from (78, 52): control 1 at the left, uncertainty 5 at the top.
        #expect(centres.first.map { $0 == (78, 52) } == true, "\(centres)")
        #expect(centres.last.map { $0 == (278, 252) } == true, "\(centres)")
        let labels = try XMLDocument(xmlString: svg).nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(labels.contains("2, 3") && labels.contains("Centre: control 3, uncertainty 3") && labels.contains("Also centre: control 3, uncertainty 3"))
        for label in Fixtures.guide.values.map(\.label) { #expect(labels.contains(label), "quadrant \(label) not named") }
    }
}
