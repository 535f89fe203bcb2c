import ConveneTUI
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

    @Test("styled for a terminal, plain for a pipe, colour only when allowed")
    func output() {
        let lines = [StyledLine([Span("Title", .heading), Span(" plain")])]
        #expect(ANSIText.render(lines, styled: false, colour: true) == "Title plain\n")
        #expect(ANSIText.render(lines, styled: true, colour: true) == "\u{1B}[1;36mTitle\u{1B}[0m plain\n")
        #expect(ANSIText.render(lines, styled: true, colour: false) == "\u{1B}[1mTitle\u{1B}[0m plain\n")
    }
}
