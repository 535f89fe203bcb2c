import ConveneCore
import Foundation
import TestSupport
import Testing
import Yams

/// Random text built from everything that means something to Markdown, HTML, GitHub's autolinker,
/// Mermaid and YAML, typed into every field, rendered through the built-in template and through a
/// template that uses every placement, and parsed back by cmark-gfm: the document's shape must be
/// the one plain words give, apart from what typed text may add in its place — emphasis, code
/// spans, links, line breaks, and in long texts paragraphs and lists — and no escape may show.
@Suite("Notes keep their shape whatever is typed")
struct NotesPropertyTests {
    static let tokens = [
        "|", "#", "- ", "+ ", "> ", "```", "~~~", "`", "``", "*", "**", "_", "__", "~~", "<b>", "</b>", "<script>", "<!--", "-->",
        "<http://x.org/a_b>", "https://ex.com/a_b?c=1&d=2", "HTTP://EX.COM", "www.ex.org/x_y", "ftp://f.org", "[t](u)", "![i](j)",
        "[^1]", "&amp;", "&#x41;", "$x$", "1. ", "2) ", "===", "---", "***", "quadrant-1 x", "x-axis y", "%%", ": [0.1, 0.2]",
        "\"", "'", ": ", "{{title}}", "{%", "? ", "!", "@", "&", " ", "  ", "    ", "\t", "Café", "日本語", "👩🏽‍💻", "a", "word",
        "\n", "\n\n", "\n  ", "\n- ", "\n# ", "\n    ",
    ]

    /// Deterministic, so a failure names a seed that reproduces it.
    typealias Generator = SeededGenerator

    static func text(_ generator: inout Generator) -> String {
        var text = "x" // a field must not be blank
        for _ in 0..<Int.random(in: 1...12, using: &generator) { text += tokens.randomElement(using: &generator) ?? "" }
        return text
    }

    /// Plain words in the same lines, blank where the typed line is blank.
    static func plain(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy(\.isWhitespace) ? "" : "plain words" }.joined(separator: "\n")
    }

    /// A template putting one typed value in every place a template can: front matter, a heading,
    /// a line start, emphasis, link text, a table cell, a code span and a multi-line list item.
    static let everyPlacement = """
        ---
        title: {{title.yaml}}
        purpose: {{purpose.yaml}}
        ---

        # {{title}}

        {{title}}

        Within a line: *{{title}}* and [{{title}}](https://example.org) and {{title.code}} end.

        | Field | Value |
        | --- | --- |
        | title | {{title}} |
        | purpose | {{purpose}} |

        - {{purpose.block}}
        - {{title}}

        {{purpose.block}}
        """

    static func session(title: String, text: String) throws -> Session {
        var session = Session()
        let details = SessionDetails(title: title, kind: "roundtable", date: "2026-04-02", purpose: text, chathamHouse: false)
        let agenda = [
            AgendaItem(id: EntityID(1), title: title, phase: .presentation, minutes: 10, speaker: " \(title) "),
            AgendaItem(id: EntityID(2), title: title, phase: .agreement, minutes: 10),
            AgendaItem(id: EntityID(3), title: title, phase: .checklist, minutes: 10, checklist: [title], responses: [text]),
        ]
        let guide = Dictionary(uniqueKeysWithValues: EbrahimQuadrant.allCases.map { ($0, QuadrantGuide(label: title, measure: title)) })
        try session.apply(.created(setup: SessionSetup(details: details, agenda: agenda, quadrantGuide: guide)))
        try session.apply(.pointAdded(point: Point(id: EntityID(10), kind: .note, text: text, item: EntityID(1), speaker: title,
                                                   createdAt: Date(timeIntervalSince1970: 0))))
        try session.apply(.pointAdded(point: Point(id: EntityID(11), kind: .agreement, text: text, theme: title, item: EntityID(2),
                                                   createdAt: Date(timeIntervalSince1970: 0))))
        try session.apply(.topicAdded(topic: DivergenceTopic(
            id: EntityID(12), title: title, item: EntityID(2), perspectives: [title, text], dimensions: [text],
            cells: [[text, title]], caveats: [text], dilemmas: [.init(title: title, text: text)]
        )))
        try session.apply(.contextAdded(context: ContextAssessment(id: EntityID(13), name: title, description: text,
                                                                   ratings: [Rating(uncertainty: 5, control: 1)])))
        try session.apply(.attendeeAdded(attendee: Attendee(id: EntityID(14), name: title, organisation: title)))
        return session
    }

    /// What typed text may add inside a line: emphasis, code spans, links and line breaks.
    static let inlineFreedoms: Set<String> = ["emph", "strong", "code", "link", "linebreak", "softbreak"]
    /// What a long text may add besides: its own paragraphs and lists.
    static let blockFreedoms: Set<String> = ["paragraph", "list", "item"]

    /// cmark-gfm's tree as one line per node: element names only, runs of text as one `text`, with
    /// the nodes in `allowed` (and their closing tags) left out.
    static func shape(of xml: String, allowing allowed: Set<String>) -> [String] {
        var shape: [String] = []
        for line in xml.split(separator: "\n").dropFirst(2) {
            let tag = line.drop { $0 == " " }
            guard tag.hasPrefix("<") else { continue }
            var name = String(tag.dropFirst().prefix { $0.isLetter || $0 == "_" || $0 == "/" })
            // The notes' own `<br>`, which joins a text's lines in a table cell, is a line break.
            if name == "html_inline", tag.contains(">&lt;br&gt;<") { name = "linebreak" }
            let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
            if allowed.contains(bare) { continue }
            let entry = ["text", "/text"].contains(name) ? "text" : name
            if entry == "text", shape.last == "text" { continue }
            shape.append(entry)
        }
        return shape
    }

    /// Links in the rendered notes whose address is not on the web or mail.
    static func unsafeLinks(in xml: String) -> [String] {
        xml.split(separator: "\n").filter { $0.contains("<link ") || $0.contains("<image ") }
            .filter { line in !["http://", "https://", "mailto:"].contains { line.contains("destination=\"" + $0) } }
            .map(String.init)
    }

    /// The text of every text node, joined, with XML's entities read.
    static func textContent(of xml: String) -> String {
        var content = ""
        var rest = Substring(xml)
        while let open = rest.range(of: "<text xml:space=\"preserve\">") {
            guard let close = rest[open.upperBound...].range(of: "</text>") else { break }
            content += rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return content.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The notes' body (GitHub lifts the front matter out) as cmark-gfm's XML tree.
    private func cmarkXML(_ markdown: String, cmark: URL) throws -> String {
        let body = markdown.hasPrefix("---\n") ? markdown.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n") : markdown
        return try CmarkGFM.render(body, format: "xml", with: cmark)
    }

    @Test("random hostile text: the same tree as plain words but for what typed text may add, no escape showing, front matter intact")
    func randomText() throws {
        guard let cmark = CmarkGFM.located() else { return }
        let renderers = try [("built-in", Fixtures.notesRenderer()), ("every placement", NotesRenderer(source: Self.everyPlacement, file: "every.mustache"))]
        for seed in UInt64(1)...200 {
            var generator = Generator(seed: seed)
            let text = TextRules.cleaned(Self.text(&generator))
            let title = TextRules.cleaned(Self.text(&generator), singleLine: true).trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { continue }
            // One-line fields hostile: only inline freedoms. Long fields hostile: paragraphs and lists too.
            let cases = [
                ("title", try Self.session(title: title, text: "plain words"), try Self.session(title: "plain words", text: "plain words"),
                 Self.inlineFreedoms),
                ("text", try Self.session(title: "plain words", text: text), try Self.session(title: "plain words", text: Self.plain(text)),
                 Self.inlineFreedoms.union(Self.blockFreedoms)),
            ]
            for (name, renderer) in renderers {
                for (field, hostile, plain, allowed) in cases {
                    let label = "seed \(seed), \(name), hostile \(field): title \(title.debugDescription), text \(text.debugDescription)"
                    let rendered = renderer.render(hostile)
                    let xml = try cmarkXML(rendered, cmark: cmark)
                    let expected = Self.shape(of: try cmarkXML(renderer.render(plain), cmark: cmark), allowing: allowed)
                    #expect(Self.shape(of: xml, allowing: allowed) == expected, "\(label)")
                    #expect(Self.unsafeLinks(in: xml).isEmpty, "\(label): \(Self.unsafeLinks(in: xml))")
                    let content = Self.textContent(of: xml)
                    #expect(!content.contains("\\"), "\(label): an escape shows in \(content.debugDescription)")
                    for word in ["Café", "日本語", "👩🏽‍💻", "word"] where (field == "title" ? title : text).contains(word) {
                        #expect(xml.contains(word), "\(label): ‘\(word)’ does not read back")
                    }
                }
                if name == "every placement" {
                    let rendered = renderer.render(try Self.session(title: title, text: text))
                    let frontMatter = try #require(rendered.components(separatedBy: "\n---\n").first?.dropFirst(4))
                    let yaml = try #require(try Yams.load(yaml: String(frontMatter)) as? [String: Any])
                    #expect(yaml["title"] as? String == title && yaml["purpose"] as? String == text, "seed \(seed): front matter")
                }
            }
        }
    }
}
