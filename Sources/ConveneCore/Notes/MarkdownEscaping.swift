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
        var contiguous = text
        let escaped = contiguous.withUTF8 { bytes -> String? in
            guard bytes.indices.contains(where: { needsBackslash(at: $0, in: bytes) }) else { return nil }
            return String(decoding: escapedInline(bytes), as: UTF8.self)
        }
        return escaped ?? text
    }

    private static func escapedInline<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 8)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if let end = bareLinkEnd(at: index, in: bytes) {
                escaped.append(UInt8(ascii: "<"))
                escaped += bytes[index..<end]
                escaped.append(UInt8(ascii: ">"))
                index = end
                continue
            }
            let byte = bytes[index]
            if needsBackslash(at: index, in: bytes) { escaped.append(backslash) }
            escaped.append(byte)
            index = bytes.index(after: index)
        }
        return escaped
    }

    /// Where a bare `http://` or `https://` address typed at `index` ends: it is written as an
    /// autolink (`<https://…>`), so it reads as typed and is a link wherever the notes are read.
    /// Trailing punctuation is the sentence's, as GitHub reads it ("See https://x.org/a." links
    /// to https://x.org/a); a closing bracket belongs to the address only when it opened one.
    private static func bareLinkEnd<Bytes: Collection<UInt8>>(at index: Bytes.Index, in bytes: Bytes) -> Bytes.Index? {
        // As typed in lower case, the way addresses are written: "HTTP://" stays text.
        guard bytes[index] == UInt8(ascii: "h") else { return nil }
        if index != bytes.startIndex {
            let previous = bytes[bytes.index(index, offsetBy: -1)]
            guard !(previous.isASCIILetterOrDigit || previous >= 0x80 || previous == UInt8(ascii: "/")) else { return nil }
        }
        let rest = bytes[index...]
        let scheme = rest.starts(with: "https://".utf8) ? 8 : rest.starts(with: "http://".utf8) ? 7 : 0
        guard scheme > 0 else { return nil }
        var end = rest.firstIndex { $0 <= space || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") } ?? bytes.endIndex
        while end > bytes.index(index, offsetBy: scheme) {
            let last = bytes[bytes.index(end, offsetBy: -1)]
            let link = bytes[index..<end]
            let unbalanced = last == UInt8(ascii: ")") && link.count { $0 == UInt8(ascii: ")") } > link.count { $0 == UInt8(ascii: "(") }
            guard ".,:;!?'*_~".utf8.contains(last) || unbalanced else { break }
            end = bytes.index(end, offsetBy: -1)
        }
        return bytes.distance(from: index, to: end) > scheme ? end : nil
    }

    private static func needsBackslash<Bytes: Collection<UInt8>>(at index: Bytes.Index, in bytes: Bytes) -> Bool {
        isInlineSpecial(bytes[index]) || startsAutolink(bytes[index], at: index, in: bytes)
    }

    /// GitHub turns `scheme://…` and `www.…` in plain text into links, reading the raw characters:
    /// a backslash escape inside such a link shows, and leaks into its address. Escaping the `:` of
    /// `://` and the `.` of a word-initial `www.` keeps the text exactly as typed and never a link.
    /// (An e-mail address still becomes a `mailto:` link; its text is exactly what was typed, as
    /// GitHub finds those after escapes are read and no escape can leak into one.)
    private static func startsAutolink<Bytes: Collection<UInt8>>(_ byte: UInt8, at index: Bytes.Index, in bytes: Bytes) -> Bool {
        if byte == UInt8(ascii: ":") { return bytes[bytes.index(after: index)...].starts(with: "//".utf8) }
        guard byte == UInt8(ascii: "."), bytes.distance(from: bytes.startIndex, to: index) >= 3 else { return false }
        let word = bytes[bytes.index(index, offsetBy: -3)..<index].map { $0 | 0x20 }
        guard word == Array("www".utf8) else { return false }
        let before = bytes.index(index, offsetBy: -3)
        guard before != bytes.startIndex else { return true }
        let previous = bytes[bytes.index(before, offsetBy: -1)]
        return !(previous.isASCIILetterOrDigit || previous >= 0x80)
    }

    /// One line with no blanks at either end and nothing a block could start with: what most typed
    /// values are, and what needs only inline escaping wherever it goes.
    private static func isOrdinaryLine(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        let blanks = [space, UInt8(ascii: "\t")]
        return !blanks.contains(first) && !blanks.contains(last) && !startsBlock(first) && !text.containsLineFeed
    }

    /// Whether a line starting with `byte` may need more than inline escaping at its start.
    private static func startsBlock(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// One line as it starts a block: also escapes what would make it a list item, a thematic
    /// break, a setext underline or an ordered list, and drops indentation that would make code.
    public static func lineStart(_ line: String) -> String {
        var line = line
        return line.withUTF8 { String(decoding: escapedLineStart($0), as: UTF8.self) }
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
        if isOrdinaryLine(text) { return inline(text) }
        var text = text
        return text.withUTF8 { block($0, indent: indent) }
    }

    private static func block(_ text: UnsafeBufferPointer<UInt8>, indent: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 16)
        var pendingBreak = false
        var pendingParagraph = false
        for rawLine in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
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

    /// Text on one line, safe wherever a line of Markdown can stand: a paragraph, a list item, a
    /// heading, a table cell, emphasis or a link's text, at the start of a line or inside one. Blanks
    /// at either end are dropped (so `*{{x}}*` stays emphasis) and line breaks become `<br>`.
    public static func oneLine(_ text: String) -> String {
        if isOrdinaryLine(text) { return inline(text) }
        var text = text
        return text.withUTF8 { oneLine($0) }
    }

    private static func oneLine(_ text: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        for rawLine in text.split(separator: UInt8(ascii: "\n")) {
            let line = trimmingTrailingBlanks(rawLine.drop { $0 == space || $0 == UInt8(ascii: "\t") })
            guard !line.isEmpty else { continue }
            if output.isEmpty {
                output += escapedLineStart(line)
            } else {
                output += Array("<br>".utf8)
                output += escapedInline(line)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Text as an inline code span, backticks included: a fence longer than any run of backticks in
    /// it, and a space inside each end where the text starts or ends with a backtick or a blank.
    /// Line breaks become spaces. (Inside a table a `|` still ends the cell, as GFM reads tables
    /// first: put code spans in paragraphs, list items and headings.)
    public static func codeSpan(_ text: String) -> String {
        let content = text.onOneLine
        guard !content.allSatisfy({ $0 == " " }) else { return "" }
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = content.first == "`" || content.last == "`" || content.first == " " || content.last == " "
        return padded ? "\(fence) \(content) \(fence)" : fence + content + fence
    }

    /// Text as a YAML double-quoted scalar, quotes included: safe as any value in front matter.
    public static func yamlString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if TextRules.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    quoted += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    private static func trimmingTrailingBlanks(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous] == space || line[previous] == UInt8(ascii: "\t") else { break }
            end = previous
        }
        return line[line.startIndex..<end]
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
