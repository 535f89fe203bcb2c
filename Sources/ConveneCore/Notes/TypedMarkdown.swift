import CCmarkGFM
import Foundation

/// Text a person typed, as Markdown for the notes: the emphasis, code spans and links they typed on
/// purpose are kept, and in long texts so are paragraphs and lists; everything else — headings,
/// quotes, code blocks, HTML, tables, images, a link to anything but the web or mail — is written
/// out as the characters typed (escaped by `MarkdownEscaping`), so it cannot change the record's
/// structure.
///
/// The typed text is parsed by cmark (plain CommonMark, no extensions) and the notes' Markdown is
/// written back from its tree, so what counts as emphasis or a link is exactly what a Markdown
/// reader would find, never a guess. Blocks that are not kept are copied from the typed source by
/// their source positions.
public enum TypedMarkdown {
    /// Emphasis, strong emphasis and links nested deeper than this are written with their markers
    /// escaped: the text stays, read as typed, and no reader of the notes has to recurse further.
    public static let maximumInlineDepth = 16

    /// Several lines as the body of a paragraph or a `- ` list item: paragraphs, line breaks and
    /// lists are kept; `indent` starts every line after the first so the text stays in its item.
    public static func block(_ text: String, indent: String = "") -> String {
        guard needsParsing(text) else { return MarkdownEscaping.block(text, indent: indent) }
        return render(text, oneLine: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? $0.element : indent + $0.element }
            .joined(separator: "\n")
    }

    /// Text on one line, safe wherever a line of Markdown can stand (a heading, a table cell, a list
    /// item): line breaks, paragraphs and list items are joined with `<br>`.
    public static func oneLine(_ text: String) -> String {
        guard needsParsing(text) else { return MarkdownEscaping.oneLine(text) }
        return render(text, oneLine: true).filter { !$0.isEmpty }.joined(separator: "<br>")
    }

    /// Whether the text may hold something a Markdown reader would read as more than characters.
    /// Most typed text does not, and is escaped without a parse: notes of 10,000 points stay fast.
    static func needsParsing(_ text: String) -> Bool {
        text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "<"),
                 UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                true
            default:
                false
            }
        } || text.first?.isNumber == true
    }

    private static func render(_ text: String, oneLine: Bool) -> [String] {
        let source = neutralisingReferenceDefinitions(text)
        let length = source.utf8.count
        guard let document = source.withCString({ convene_parse_commonmark($0, length) }) else {
            return [oneLine ? MarkdownEscaping.oneLine(text) : MarkdownEscaping.block(text)]
        }
        defer { cmark_node_free(document) }
        var writer = TypedMarkdownWriter(source: source, oneLine: oneLine)
        return writer.blocks(of: document, depth: 0)
    }

    /// A line like `[label]: https://…` would vanish into a link definition. A backslash before its
    /// `[` keeps it as the text typed.
    private static func neutralisingReferenceDefinitions(_ text: String) -> String {
        guard text.contains("]:") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let indent = line.prefix { $0 == " " }
            guard indent.count < 4, line.dropFirst(indent.count).first == "[" else { return String(line) }
            let rest = line.dropFirst(indent.count + 1)
            guard let close = rest.firstIndex(of: "]"), rest[close...].hasPrefix("]:") else { return String(line) }
            return indent + "\\" + line.dropFirst(indent.count)
        }.joined(separator: "\n")
    }
}

/// Walks cmark's tree of one typed text and writes it back as safe Markdown lines.
private struct TypedMarkdownWriter {
    /// Nested lists deeper than this are written as typed rather than walked further.
    static let maximumDepth = 8
    /// Where a link may point: the web and mail. Anything else (`javascript:`, a file, a relative
    /// path) is written out as the characters typed.
    static let linkSchemes = ["http://", "https://", "mailto:"]

    let sourceLines: [Substring]
    let oneLine: Bool

    init(source: String, oneLine: Bool) {
        sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.oneLine = oneLine
    }

    /// The lines of the blocks under `node`. Blocks typed on consecutive lines (a line that would
    /// have been a heading, under a line of text) stay joined by a line break, as they were typed;
    /// otherwise a blank line parts them, except between the blocks of a tight list's item.
    ///
    /// `limit` is the last line the blocks may take (nil: the text's end): cmark can report a setext
    /// heading or an unclosed fence in a list item as running on past where its container ends.
    mutating func blocks(of node: OpaquePointer, depth: Int, tight: Bool = false, endingBy limit: Int? = nil) -> [String] {
        var lines: [String] = []
        var previous: (end: Int, isList: Bool)?
        let children = children(of: node)
        for (index, child) in children.enumerated() {
            let end = index + 1 < children.count ? Int(cmark_node_get_start_line(children[index + 1])) - 1 : limit
            let block = self.block(child, depth: depth, endingBy: end)
            guard !block.isEmpty else { continue }
            let isList = typeName(child) == "list"
            let start = Int(cmark_node_get_start_line(child))
            if let previous, !lines.isEmpty {
                let adjacent = start == previous.end + 1 && !isList && !previous.isList
                if adjacent && !oneLine {
                    lines[lines.count - 1] += "\\"
                } else if !adjacent && !tight {
                    lines.append("")
                }
            }
            lines += block
            previous = (lastLine(of: child, endingBy: end), isList)
        }
        return lines
    }

    private mutating func block(_ node: OpaquePointer, depth: Int, endingBy limit: Int?) -> [String] {
        switch typeName(node) {
        case "paragraph":
            return paragraph(node)
        case "list" where depth < Self.maximumDepth:
            return list(node, depth: depth, endingBy: limit)
        default:
            return typed(node, endingBy: limit)
        }
    }

    private mutating func paragraph(_ node: OpaquePointer) -> [String] {
        var lines = [""]
        inlines(of: node, into: &lines)
        return oneLine ? lines : Self.hardBreaks(lines)
    }

    /// A typed line break is kept as a hard break: a backslash at the end of every line but the last.
    private static func hardBreaks(_ lines: [String]) -> [String] {
        lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "\\" : $0.element }
    }

    private mutating func list(_ node: OpaquePointer, depth: Int, endingBy limit: Int?) -> [String] {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let tight = cmark_node_get_list_tight(node) != 0
        var number = Int(cmark_node_get_list_start(node))
        var lines: [String] = []
        let items = children(of: node)
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(number)." : "-"
            number += 1
            let end = index + 1 < items.count ? Int(cmark_node_get_start_line(items[index + 1])) - 1 : limit
            let body = blocks(of: item, depth: depth + 1, tight: tight, endingBy: end)
            if !tight && !lines.isEmpty { lines.append("") }
            if oneLine {
                // In a table cell or heading the marker is text: escaped so it starts nothing.
                lines.append(MarkdownEscaping.lineStart(marker) + " " + body.filter { !$0.isEmpty }.joined(separator: "<br>"))
                continue
            }
            let pad = String(repeating: " ", count: marker.count + 1)
            lines.append(marker + " " + (body.first ?? ""))
            lines += body.dropFirst().map { $0.isEmpty ? "" : pad + $0 }
        }
        return lines
    }

    /// A block that is not kept as structure: the lines typed, each escaped to read as typed.
    private func typed(_ node: OpaquePointer, endingBy limit: Int?) -> [String] {
        let first = Int(cmark_node_get_start_line(node)) - 1
        // Up to where the next block starts: cmark's end positions cannot be trusted here (an HTML
        // block reports line 0, a setext heading the end of what follows it).
        let last = min(limit ?? sourceLines.count, sourceLines.count) - 1
        guard first >= 0, first <= last else { return [MarkdownEscaping.inline(literal(node))] }
        let column = max(0, Int(cmark_node_get_start_column(node)) - 1)
        let lines = sourceLines[first...last].enumerated().map { offset, line -> Substring in
            offset == 0 ? Substring(line.utf8.dropFirst(column)) : line
        }
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let escaped = lines.map { line -> String in
            guard let end = line.lastIndex(where: { !blank($0) }) else { return "" }
            return MarkdownEscaping.lineStart(String(line[...end].drop(while: blank)))
        }.filter { !$0.isEmpty }
        return oneLine ? escaped : Self.hardBreaks(escaped)
    }

    /// The 1-based line a block ends on, as far as it can be known: where cmark says, unless that is
    /// impossible or past where the next block starts.
    private func lastLine(of node: OpaquePointer, endingBy limit: Int?) -> Int {
        let start = Int(cmark_node_get_start_line(node))
        let reported = Int(cmark_node_get_end_line(node))
        return min(reported >= start ? reported : start, limit ?? .max)
    }

    /// Appends the inline content of `node` to `lines`, starting a new line at each line break.
    /// Walked with cmark's iterator, not by recursion: a paste of 150,000 nested `*` must not
    /// exhaust the stack.
    private func inlines(of node: OpaquePointer, into lines: inout [String]) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        // The containers entered and not yet left: whether each is written as Markdown (kept) or
        // with its markers escaped (too deep, or a link to anything but the web or mail).
        var open: [Bool] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator), child != node else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch typeName(child) {
            case "text":
                let text = literal(child)
                var escaped = lines[lines.count - 1].isEmpty ? MarkdownEscaping.lineStart(text) : MarkdownEscaping.inline(text)
                // A `!` just before a kept link would make it a picture.
                if escaped.hasSuffix("!") { escaped = escaped.dropLast() + "\\!" }
                lines[lines.count - 1] += escaped
            case "softbreak", "linebreak":
                lines.append("")
            case "code":
                let code = literal(child)
                // In a table cell a `|` would end the cell even inside a code span.
                // A blank span would vanish: its backticks are kept as typed characters instead.
                lines[lines.count - 1] += (oneLine && code.contains("|")) || code.allSatisfy(\.isWhitespace)
                    ? MarkdownEscaping.inline("`" + code + "`")
                    : MarkdownEscaping.codeSpan(code)
            case "emph", "strong":
                let delimiter = typeName(child) == "emph" ? "*" : "**"
                if entering { open.append(open.count < TypedMarkdown.maximumInlineDepth) }
                let kept = open.last ?? false
                lines[lines.count - 1] += kept ? delimiter : MarkdownEscaping.inline(delimiter)
                if !entering { open.removeLast() }
            case "link", "image":
                let address = url(of: child)
                if entering {
                    let isWebLink = typeName(child) == "link" && Self.linkSchemes.contains(where: address.lowercased().hasPrefix)
                    open.append(isWebLink && open.count < TypedMarkdown.maximumInlineDepth)
                    // Not kept as a link (or picture): the brackets and address read as typed.
                    let opening = typeName(child) == "image" ? "![" : "["
                    lines[lines.count - 1] += open.last == true ? "[" : MarkdownEscaping.inline(opening)
                } else {
                    lines[lines.count - 1] += open.last == true
                        ? "](" + Self.destination(address) + ")"
                        : MarkdownEscaping.inline("](" + address + ")")
                    open.removeLast()
                }
            default:
                // Inline HTML and anything else: its characters, escaped (its children follow).
                if entering { lines[lines.count - 1] += MarkdownEscaping.inline(literal(child)) }
            }
        }
    }

    /// What a link's address keeps as it is: ASCII letters and digits and URL punctuation. The rest
    /// (a space, a parenthesis, a `|`, `<`, anything outside ASCII) could end the link or a table cell.
    static let addressCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;=%")

    /// A link's address, percent-encoded where a character could end the link or a table cell.
    static func destination(_ url: String) -> String {
        url.addingPercentEncoding(withAllowedCharacters: addressCharacters) ?? ""
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] { CmarkTree.children(of: node) }
    private func typeName(_ node: OpaquePointer) -> String { CmarkTree.typeName(node) }
    private func literal(_ node: OpaquePointer) -> String { CmarkTree.literal(node) }
    private func url(of node: OpaquePointer) -> String { CmarkTree.url(node) }
}
