import ConveneCore
import Foundation
import TestSupport
import Testing

/// Notes full of text that tries to break Markdown, parsed back by GitHub's own parser (cmark-gfm).
@Suite("Hostile text keeps the notes' structure")
struct HostileTextTests {
    static let hostile = [
        "| pipe | in | cell |", "# a heading?", "- a list?", "> a quote?", "```\ncode fence\n```", "<script>alert(1)</script>",
        "<b>bold</b> &amp; &copy;", "[link](http://example.com) ![img](x.png)", "*em* __strong__ ~~strike~~", "1. ordered",
        "line one\n===", "text\n---", "    indented code", "trailing backslash \\", "$x^2$ math", "Café 日本語 👩🏽‍💻",
        "a\n\nparagraph break", "<!-- comment", "[^1] footnote", "<http://autolink>",
    ]

    /// The same session with every typed text replaced through `transform`.
    static func session(typing transform: (String) -> String) throws -> Session {
        var session = Fixtures.created()
        var id = 100
        func next() -> Int { id += 1; return id }
        let texts = hostile.map(transform)
        for text in texts {
            let theme = TextRules.cleaned(text, singleLine: true)
            try session.apply(.pointAdded(point: Fixtures.point(next(), .agreement, text, theme: theme, item: 3)))
            try session.apply(.pointAdded(point: Fixtures.point(next(), .action, text)))
        }
        try session.apply(.topicAdded(topic: DivergenceTopic(
            id: EntityID(next()), title: transform("| topic # title"), item: EntityID(4),
            perspectives: [transform("a | b"), transform("c\nd")], dimensions: texts, cells: texts.map { [$0, $0] },
            caveats: texts, dilemmas: texts.map { .init(title: TextRules.cleaned($0, singleLine: true), text: $0) }
        )))
        try session.apply(.contextAdded(context: ContextAssessment(
            id: EntityID(next()), name: transform("name: [with] | brackets"), description: transform("desc | pipe\nnewline"),
            ratings: [Rating(uncertainty: 2, control: 4)]
        )))
        try session.apply(.attendeeAdded(attendee: Attendee(
            id: EntityID(next()), name: transform("O'Brien | Ltd"), organisation: transform("<Org> & Co")
        )))
        return session
    }

    /// Plain words with the same line breaks: what the structure should look like.
    static func plain(_ text: String) -> String {
        let number = hostile.firstIndex(of: text).map(String.init) ?? text.count.description
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "plain words \(number)" }
            .joined(separator: "\n")
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("cmark-gfm finds exactly the structure the notes intend")
    func structure() throws {
        guard let cmark = CmarkGFM.located() else { return }
        let renderer = try Fixtures.notesRenderer()
        func structure(of session: Session) throws -> [String: Int] {
            // GitHub lifts the front matter out before rendering; cmark-gfm does not know it.
            let markdown = renderer.render(session)
            let body = try #require(markdown.components(separatedBy: "\n---\n").dropFirst().first)
            let rendered = try CmarkGFM.render(body, with: cmark)
            // Not what typed text may add in its place — paragraphs, lists, line breaks, emphasis,
            // code spans, links — which are checked below instead.
            let tags = ["<h1", "<h2", "<h3", "<h4", "<h5", "<table", "<tr>", "<th", "<td", "<blockquote", "<pre", "<hr",
                        "<img", "<del>", "<script", "<b>"]
            return Dictionary(uniqueKeysWithValues: tags.map { ($0, count($0, in: rendered)) })
        }
        let expected = try structure(of: Self.session(typing: Self.plain))
        let actual = try structure(of: Self.session(typing: { $0 }))
        for (tag, count) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[tag] == count, "\(tag): \(actual[tag] ?? 0) with hostile text, \(count) with plain text")
        }
        #expect(expected["<table"] == 4 && expected["<h3"] == Self.hostile.count + 2 && expected["<script"] == 0, "\(expected)")

        let html = try CmarkGFM.render(renderer.render(Self.session(typing: { $0 })), with: cmark)
        // What a note-taker typed on purpose is kept: a web link, emphasis; a picture is not.
        #expect(html.contains("<a href=\"http://example.com\">link</a>"))
        #expect(html.contains("<em>em</em> <strong>strong</strong> ~~strike~~"))
        #expect(html.contains("![img](x.png)") && !html.contains("<img"))
        // And everything else still reads as typed.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("| pipe | in | cell |"))
        #expect(html.contains("Café 日本語 👩🏽‍💻"))
    }
}
