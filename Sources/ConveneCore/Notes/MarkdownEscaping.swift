/// Makes typed text safe to place in GitHub-flavoured Markdown: whatever a person typed renders as
/// that text and cannot open a heading, list, table, code span, link, HTML tag, math or emphasis.
///
/// CommonMark lets any ASCII punctuation be backslash-escaped, so the rule is simple: escape every
/// character that has a meaning inline, plus the few that only mean something at the start of a line.
public enum MarkdownEscaping {
    /// Characters with an inline meaning in GFM (and `$`, which GitHub renders as math).
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "$"]

    /// One line of text inside a paragraph, list item, heading or table cell.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if inlineSpecials.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// One line as it starts a block: also escapes what would make it a list item, a thematic
    /// break, a setext underline or an ordered list, and drops indentation that would make code.
    public static func lineStart(_ line: String) -> String {
        let trimmed = String(line.drop { $0 == " " })
        var escaped = inline(trimmed)
        if let first = escaped.first, "-+=".contains(first) {
            escaped.insert("\\", at: escaped.startIndex)
        }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < escaped.count {
            let marker = escaped.index(escaped.startIndex, offsetBy: digits.count)
            if escaped[marker] == "." || escaped[marker] == ")" { escaped.insert("\\", at: marker) }
        }
        return escaped
    }

    /// Multi-line text as the body of a paragraph or list item. Line breaks are kept as hard breaks
    /// and blank lines as paragraph breaks; `indent` is put before every line after the first so the
    /// text stays inside its list item.
    public static func block(_ text: String, indent: String = "") -> String {
        var output = ""
        var pendingBreak = false
        var pendingParagraph = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimTrailing(String(rawLine))
            if line.isEmpty {
                if !output.isEmpty { pendingParagraph = true }
                continue
            }
            if pendingParagraph {
                output += "\n\n" + indent
            } else if pendingBreak {
                output += "\\\n" + indent
            }
            output += lineStart(line)
            pendingBreak = true
            pendingParagraph = false
        }
        return output
    }

    /// Text inside a GFM table cell: one line, pipes escaped, line breaks as `<br>`.
    public static func tableCell(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { inline(trimTrailing(String($0.drop { $0 == " " }))) }
            .filter { !$0.isEmpty }
            .joined(separator: "<br>")
    }

    /// Text as a heading: one line.
    public static func heading(_ text: String) -> String {
        lineStart(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    private static func trimTrailing(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
