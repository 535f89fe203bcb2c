@testable import ConveneTUI
import Foundation
import Testing

@Suite("Markdown for the terminal")
struct MarkdownLayoutTests {
    static var handEdited: String {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hand-edited-notes.md")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    /// Lines as a frame, so the golden-screen helper can compare them.
    private func frame(_ lines: [StyledLine], width: Int) -> Frame {
        var frame = Frame(width: width, height: lines.count)
        for (row, line) in lines.enumerated() {
            var column = 0
            for span in line.spans { column += frame.put(span.text, row: row, column: column, style: span.style) }
        }
        return frame
    }

    @Test("a hand-edited notes file: front matter, headings, quote, lists, link, table, rule, code", .tags(.golden),
          arguments: [60, 100])
    func handEdited(width: Int) throws {
        let lines = MarkdownLayout(width: width).lines(for: MarkdownDocument(parsing: try Self.handEdited))
        try expectSnapshot(frame(lines, width: width), named: "show-hand-edited-\(width)")
    }

    @Test("no line is wider than the terminal, at any width from 60 up; nothing typed is cut", arguments: [60, 61, 73, 80, 99, 120])
    func widths(width: Int) throws {
        let lines = MarkdownLayout(width: width).lines(for: MarkdownDocument(parsing: try Self.handEdited))
        for line in lines { #expect(line.width <= width, "\(line.text)") }
        let text = lines.map(\.text).joined(separator: " ")
        for word in ["empowers", "themselves", "Standardised", "attribution", "struck", "typed"] {
            #expect(text.contains(word), "\(word) lost at \(width) columns")
        }
    }

    @Test("the parts of a document, as GitHub's parser reads them")
    func parsing() throws {
        let document = MarkdownDocument(parsing: try Self.handEdited)
        #expect(document.frontMatter == "title: Learning and accountability\ndate: 2026-04-02")
        guard case .table(let alignments, let header, let rows) = document.blocks.first(where: {
            if case .table = $0 { return true } else { return false }
        }) else {
            Issue.record("no table found")
            return
        }
        #expect(alignments == [.left, .centre, .right])
        #expect(header.count == 3 && rows.count == 2)
    }

    @Test("a list's items of plain text are read as that text, any other item as its blocks, and both lay out alike")
    func plainItems() {
        let markdown = "- a point, café 日本語\n- *styled* point\n- two\n\n  paragraphs\n- \n- nested\n  - inner\n"
        guard case .list(_, _, _, let items)? = MarkdownDocument(parsing: markdown).blocks.first else {
            Issue.record("no list read")
            return
        }
        #expect(items.count == 5)
        #expect(items.first == .text("a point, café 日本語"))
        // Kept either way, an item is the same item.
        #expect(MarkdownListItem.text("a point") == .blocks([.paragraph([.text("a point")])]))
        #expect(items.dropFirst().allSatisfy { if case .blocks = $0 { true } else { false } })
        #expect(items[1].blocks == [.paragraph([.emphasis([.text("styled")]), .text(" point")])])
        var asBlocks = MarkdownDocument(parsing: "")
        asBlocks.blocks = [.list(ordered: false, start: 1, tight: false, items: items.map { .blocks($0.blocks) })]
        var asRead = asBlocks
        asRead.blocks = [.list(ordered: false, start: 1, tight: false, items: items)]
        #expect(asRead == asBlocks)
        #expect(MarkdownLayout(width: 40).lines(for: asRead) == MarkdownLayout(width: 40).lines(for: asBlocks))
    }

    @Test("bare addresses become links as on GitHub, alone or among thousands of lines that hold none",
          arguments: ["write to convenor@example.org", "see https://example.org/notes", "see www.example.org today"])
    func autolinks(text: String) throws {
        func links(_ markdown: String) -> [String] {
            MarkdownDocument(parsing: markdown).blocks.flatMap { block -> [String] in
                guard case .paragraph(let inlines) = block else { return [] }
                return inlines.compactMap { if case .link(_, let destination) = $0 { destination } else { nil } }
            }
        }
        let filler = (1...2_000).map { "Point \($0) on what works, and why: ~~struck~~ | a pipe" }.joined(separator: "\n\n")
        #expect(links(text).count == 1, "\(text)")
        #expect(links(filler + "\n\n" + text).count == 1, "\(text)")
        #expect(links(filler).isEmpty)
        // The other extensions are not affected by the autolinks' absence.
        #expect(MarkdownDocument(parsing: "~~struck~~").blocks == [.paragraph([.strikethrough([.text("struck")])])])
    }

    @Test("a context in the corner where a quadrant's label starts: the number stands clear, the label moves past it")
    func quadrantChartCorner() {
        let markdown = "```mermaid\nquadrantChart\n    quadrant-2 Interim outcomes\n    Extreme: [0.00, 1.00]\n```\n"
        let lines = MarkdownLayout(width: 60).lines(for: MarkdownDocument(parsing: markdown)).map(\.text)
        let row = lines.first { $0.contains("Interim") } ?? ""
        #expect(row.contains("│1 Interim"), "\(lines.joined(separator: "\n"))")
    }

    @Test("the context assessment's Mermaid quadrantChart is drawn as a 2×2 with a legend")
    func quadrantChart() {
        let markdown = """
            ## Context assessment

            ```mermaid
            quadrantChart
                title Context assessment
                x-axis Little control --> Broad control
                y-axis Low uncertainty --> High uncertainty
                quadrant-1 System outcomes
                quadrant-2 Interim outcomes
                quadrant-3 Outputs
                quadrant-4 Outcomes
                Homelessness support: [0.12, 0.88]
                Childhood vaccination: [1.00, 0.00]
            ```
            """
        let lines = MarkdownLayout(width: 60).lines(for: MarkdownDocument(parsing: markdown)).map(\.text)
        #expect(lines.contains { $0.hasPrefix("┌") && $0.contains("┬") })
        #expect(lines.contains { $0.contains("│Interim outcomes") && $0.contains("│System outcomes") })
        #expect(lines.contains { $0.contains("│Outputs") && $0.contains("│Outcomes") && $0.hasSuffix("2│") })
        #expect(lines.contains("1 Homelessness support") && lines.contains("2 Childhood vaccination"))
        #expect(lines.contains("  Little control → Broad control"))
        #expect(!lines.contains { $0.contains("quadrantChart") })
        // Any other Mermaid diagram stays as its source.
        let other = MarkdownLayout(width: 60).lines(for: MarkdownDocument(parsing: "```mermaid\ngraph TD\n  A-->B\n```\n"))
        #expect(other.map(\.text).contains("  graph TD"))
    }

    @Test("styled for a terminal, plain for a pipe, colour only when allowed")
    func output() {
        let lines = [StyledLine([Span("Title", .heading), Span(" plain")])]
        #expect(ANSIText.render(lines, styled: false, colour: true) == "Title plain\n")
        #expect(ANSIText.render(lines, styled: true, colour: true) == "\u{1B}[1;36mTitle\u{1B}[0m plain\n")
        #expect(ANSIText.render(lines, styled: true, colour: false) == "\u{1B}[1mTitle\u{1B}[0m plain\n")
    }

    @Test("nesting thousands deep keeps every word, within the width, indented no deeper than drawn")
    func deepNesting() {
        let list = (0..<2000).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: 5000) + " deepest words"
        for (source, words) in [(list, (0..<2000).map { "level \($0)" }), (quotes, ["deepest words"])] {
            let lines = MarkdownLayout(width: 60).lines(for: MarkdownDocument(parsing: source))
            let text = lines.map(\.text).joined(separator: "\n")
            for word in words { #expect(text.contains(word + "\n") || text.hasSuffix(word), "lost: \(word)") }
            #expect(lines.allSatisfy { $0.width <= 60 })
            #expect(lines.map { $0.text.prefix { $0 == " " || $0 == "•" || $0 == "│" }.count }.max() ?? 0 <= MarkdownLayout.Place.maximumIndent + 2)
        }
    }
}
