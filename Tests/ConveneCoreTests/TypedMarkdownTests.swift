import ConveneCore
import Testing

/// What a note-taker types that the notes keep as Markdown, and what they keep as characters.
@Suite("Typed Markdown")
struct TypedMarkdownTests {
    @Test("emphasis, code spans and web links are kept", arguments: [
        ("the *how* matters", "the *how* matters"),
        ("**what** gets measured", "**what** gets measured"),
        ("run `convene add`", "run `convene add`"),
        ("see [the note](https://example.org/a_b)", "see [the note](https://example.org/a_b)"),
        ("mail <someone@example.org>", "mail [someone@example.org](mailto:someone@example.org)"),
    ])
    func kept(typed: String, markdown: String) {
        #expect(TypedMarkdown.oneLine(typed) == markdown)
        #expect(TypedMarkdown.block(typed) == markdown)
    }

    @Test("structure and unsafe links read as typed", arguments: [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("[run](javascript:alert(1))", "\\[run\\](javascript:alert(1))"),
        // An image is never shown (a tracking pixel), but its address reads as typed and is a link.
        ("![pixel](https://t.example/p.gif)", "!\\[pixel\\](<https://t.example/p.gif>)"),
        ("[label]: https://example.org", "\\[label\\]: <https://example.org>"),
        ("See https://golab.bsg.ox.ac.uk/knowledge-bank/.", "See <https://golab.bsg.ox.ac.uk/knowledge-bank/>."),
        ("HTTP://EX.COM and xhttps://a.b", "HTTP\\://EX.COM and xhttps\\://a.b"),
        ("a \\*literal\\* star", "a \\*literal\\* star"),
        ("| a | b |", "\\| a \\| b \\|"),
    ])
    func literal(typed: String, markdown: String) {
        #expect(TypedMarkdown.oneLine(typed) == markdown)
    }

    @Test("a long text keeps its paragraphs and lists inside its list item")
    func listsInBlocks() {
        let typed = "Ideas included valuing:\n\n1. transparency;\n2. integrity;\n   - nested\n\nThe need was acknowledged."
        #expect(TypedMarkdown.block(typed, indent: "  ")
            == "Ideas included valuing:\n\n  1. transparency;\n  2. integrity;\n     - nested\n\n  The need was acknowledged.")
    }

    @Test("on one line a list reads as its items, and a code span with a pipe cannot end a table cell")
    func listsOnOneLine() {
        #expect(TypedMarkdown.oneLine("Two ways:\n- first\n- second") == "Two ways:<br>\\- first<br>\\- second")
        #expect(TypedMarkdown.oneLine("use `a|b`") == "use \\`a\\|b\\`")
    }

    @Test("a line that would be a heading under a line of text stays a line break, as typed")
    func setext() {
        #expect(TypedMarkdown.block("first\n===\nthird") == "first\\\n\\===\\\nthird")
    }
}
