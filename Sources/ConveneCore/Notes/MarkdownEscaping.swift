/// Makes typed text safe to place in GitHub-flavoured Markdown: whatever a person typed renders as
/// that text and cannot open a heading, list, table, code span, link, HTML tag, math or emphasis.
///
/// CommonMark lets any ASCII punctuation be backslash-escaped, so the rule is simple: escape every
/// character that has a meaning inline, plus the few that only mean something at the start of a line.
/// All of them are ASCII, so the work is done on UTF-8 bytes (a multi-byte character never contains
/// an ASCII byte), and text with nothing to escape is returned untouched: notes of 10,000 points
/// render in milliseconds.
public enum MarkdownEscaping {
    private static let backslash = UInt8(ascii: "\\")
    private static let space = UInt8(ascii: " ")

    /// Bytes with an inline meaning in GFM (and `$`, which GitHub renders as math).
    private static func isInlineSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
             UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "$"):
            true
        default:
            false
        }
    }

    /// One line of text inside a paragraph, list item, heading or table cell.
    public static func inline(_ text: String) -> String {
        guard text.utf8.contains(where: isInlineSpecial) else { return text }
        return String(decoding: escapedInline(text.utf8), as: UTF8.self)
    }

    private static func escapedInline<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if isInlineSpecial(byte) { escaped.append(backslash) }
            escaped.append(byte)
        }
        return escaped
    }

    /// One line as it starts a block: also escapes what would make it a list item, a thematic
    /// break, a setext underline or an ordered list, and drops indentation that would make code.
    public static func lineStart(_ line: String) -> String {
        String(decoding: escapedLineStart(line.utf8), as: UTF8.self)
    }

    private static func escapedLineStart<Bytes: Collection<UInt8>>(_ line: Bytes) -> [UInt8] {
        var escaped = escapedInline(line.drop { $0 == space })
        if let first = escaped.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            escaped.insert(backslash, at: 0)
        }
        let digits = escaped.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        if digits > 0, digits < escaped.count, escaped[digits] == UInt8(ascii: ".") || escaped[digits] == UInt8(ascii: ")") {
            escaped.insert(backslash, at: digits)
        }
        return escaped
    }

    /// Multi-line text as the body of a paragraph or list item. Line breaks are kept as hard breaks
    /// and blank lines as paragraph breaks; `indent` is put before every line after the first so the
    /// text stays inside its list item.
    public static func block(_ text: String, indent: String = "") -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        var pendingBreak = false
        var pendingParagraph = false
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = trimmingTrailingBlanks(rawLine)
            if line.isEmpty {
                if !output.isEmpty { pendingParagraph = true }
                continue
            }
            if pendingParagraph {
                output += Array("\n\n\(indent)".utf8)
            } else if pendingBreak {
                output += Array("\\\n\(indent)".utf8)
            }
            output += escapedLineStart(line)
            pendingBreak = true
            pendingParagraph = false
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Text inside a GFM table cell: one line, pipes escaped, line breaks as `<br>`.
    public static func tableCell(_ text: String) -> String {
        var output: [UInt8] = []
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = trimmingTrailingBlanks(rawLine.drop { $0 == space })
            guard !line.isEmpty else { continue }
            if !output.isEmpty { output += Array("<br>".utf8) }
            output += escapedInline(line)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Text as a heading: one line.
    public static func heading(_ text: String) -> String {
        lineStart(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    private static func trimmingTrailingBlanks(_ line: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous] == space || line[previous] == UInt8(ascii: "\t") else { break }
            end = previous
        }
        return line[line.startIndex..<end]
    }
}
