import Mustache

/// Text a person typed (or a template's own text), as the notes template receives it. Rendered as
/// `{{x}}` it is made safe wherever one line of Markdown can stand: a paragraph, a list item, a
/// heading, a table cell. The emphasis, code and links typed on purpose are kept; everything else
/// reads as typed (see `TypedMarkdown`). Other places ask for their own form:
///
/// - `{{x.block}}`: several lines, kept as line breaks, paragraphs and lists, for the body of a
///   paragraph or of a `- ` list item (not a table row or a heading: those are one line).
/// - `{{x.code}}`: a whole inline code span, backticks included (not in a table row).
/// - `{{x.yaml}}`: a whole YAML double-quoted string, quotes included, for front matter.
///
/// A blank text counts as absent, so `{{#x}}…{{/x}}` is left out when nothing was typed.
struct NotesText: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let raw: String

    init(_ raw: String) {
        self.raw = raw
    }

    var renderText: String { TypedMarkdown.oneLine(raw) }
    var isNull: Bool { raw.allSatisfy(\.isWhitespace) }
    var description: String { renderText }

    func child(named name: String) -> Any? {
        switch name {
        case "block": TypedMarkdown.block(raw, indent: "  ")
        case "code": MarkdownEscaping.codeSpan(raw)
        case "yaml": MarkdownEscaping.yamlString(raw)
        default: nil
        }
    }
}
