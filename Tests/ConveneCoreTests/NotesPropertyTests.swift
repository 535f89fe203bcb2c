import ConveneCore
import Foundation
import Testing
import Yams

/// Random text built from everything that means something to Markdown, HTML, GitHub's autolinker,
/// Mermaid and YAML, typed into every field, rendered through the built-in template and through a
/// template that uses every placement, and parsed back by cmark-gfm: the document's shape must be
/// the one plain words give, and what was typed must read back exactly.
@Suite("Notes keep their shape whatever is typed")
struct NotesPropertyTests {
    static let tokens = [
        "|", "#", "- ", "+ ", "> ", "```", "~~~", "`", "``", "*", "**", "_", "__", "~~", "<b>", "</b>", "<script>", "<!--", "-->",
        "<http://x.org/a_b>", "https://ex.com/a_b?c=1&d=2", "HTTP://EX.COM", "www.ex.org/x_y", "ftp://f.org", "[t](u)", "![i](j)",
        "[^1]", "&amp;", "&#x41;", "$x$", "1. ", "2) ", "===", "---", "***", "quadrant-1 x", "x-axis y", "%%", ": [0.1, 0.2]",
        "\"", "'", ": ", "{{title}}", "{%", "? ", "!", "@", "&", " ", "  ", "    ", "\t", "Café", "日本語", "👩🏽‍💻", "a", "word",
        "\n", "\n\n", "\n  ", "\n- ", "\n# ", "\n    ",
    ]

    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

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

    /// cmark-gfm's tree as one line per node: element names only, runs of text as one `text`, and
    /// an e-mail address (which GitHub links whatever the escaping, with exactly the typed text) as text.
    static func shape(of xml: String) -> [String] {
        var shape: [String] = []
        var insideMail = 0
        for line in xml.split(separator: "\n").dropFirst(2) {
            let tag = line.drop { $0 == " " }
            guard tag.hasPrefix("<") else { continue }
            let name = String(tag.dropFirst().prefix { $0.isLetter || $0 == "_" || $0 == "/" })
            if name == "link", tag.contains("destination=\"mailto:") { insideMail += 1; continue }
            if name == "/link", insideMail > 0 { insideMail -= 1; continue }
            let entry = ["text", "/text"].contains(name) || insideMail > 0 ? "text" : name
            if entry == "text", shape.last == "text" { continue }
            shape.append(entry)
        }
        return shape
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

    @Test("random hostile text: the same tree as plain words, read back as typed, front matter intact")
    func randomText() throws {
        guard let cmark = CmarkGFM.located() else { return }
        let renderers = try [("built-in", Fixtures.notesRenderer()), ("every placement", NotesRenderer(source: Self.everyPlacement, file: "every.mustache"))]
        for seed in UInt64(1)...60 {
            var generator = Generator(state: seed)
            let text = TextRules.cleaned(Self.text(&generator))
            let title = TextRules.cleaned(Self.text(&generator), singleLine: true).trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { continue }
            let hostile = try Self.session(title: title, text: text)
            let plain = try Self.session(title: "plain words", text: Self.plain(text))
            for (name, renderer) in renderers {
                let rendered = renderer.render(hostile)
                let xml = try cmarkXML(rendered, cmark: cmark)
                let expected = Self.shape(of: try cmarkXML(renderer.render(plain), cmark: cmark))
                #expect(Self.shape(of: xml) == expected, "seed \(seed), \(name): title \(title.debugDescription), text \(text.debugDescription)")
                let content = Self.textContent(of: xml)
                #expect(!content.contains("\\"), "seed \(seed), \(name): an escape shows in \(content.debugDescription)")
                #expect(content.contains(title), "seed \(seed), \(name): the title does not read as typed")
                if name == "every placement" {
                    let frontMatter = try #require(rendered.components(separatedBy: "\n---\n").first?.dropFirst(4))
                    let yaml = try #require(try Yams.load(yaml: String(frontMatter)) as? [String: Any])
                    #expect(yaml["title"] as? String == title && yaml["purpose"] as? String == text, "seed \(seed): front matter")
                }
            }
        }
    }
}
