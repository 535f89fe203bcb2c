import ConveneCore
import Testing

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test("inline specials are escaped and everything else kept")
    func inline() {
        #expect(MarkdownEscaping.inline("a | b *c* _d_ `e` <f> [g](h) ~i~ &amp; #j $k$")
            == "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\](h) \\~i\\~ \\&amp; \\#j \\$k\\$")
        #expect(MarkdownEscaping.inline("Café £5 日本語 👩🏽‍💻") == "Café £5 日本語 👩🏽‍💻")
    }

    @Test("line starts that would open a block are escaped", arguments: [
        ("- item", "\\- item"), ("+ item", "\\+ item"), ("> quote", "\\> quote"), ("# heading", "\\# heading"),
        ("1. first", "1\\. first"), ("12) twelfth", "12\\) twelfth"), ("===", "\\==="), ("---", "\\---"),
        ("    code", "code"), ("2026 was", "2026 was"),
    ])
    func lineStarts(input: String, expected: String) {
        #expect(MarkdownEscaping.lineStart(input) == expected)
    }

    @Test("blocks keep line breaks inside their list item")
    func block() {
        #expect(MarkdownEscaping.block("one\n- two\n\n# three  ", indent: "  ") == "one\\\n  \\- two\n\n  \\# three")
    }

    @Test("table cells stay on one line")
    func tableCell() {
        #expect(MarkdownEscaping.oneLine("a | b\nc\n\n  d") == "a \\| b<br>c<br>d")
    }
}
