import CCmarkGFM
import Foundation

/// Inline Markdown: what runs inside a paragraph, heading or table cell.
public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    case link([MarkdownInline], destination: String)
    case lineBreak
    case softBreak
}

/// Block Markdown: the structure of a document.
public indirect enum MarkdownBlock: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, centre, right }

    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    case quote([MarkdownBlock])
    /// `tight`: written without blank lines between items, and so laid out.
    case list(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]])
    /// Fenced or indented code; `info` is the fence's language, e.g. "mermaid".
    case code(String, info: String = "")
    case rule
    case table(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case html(String)
}

/// A Markdown file read with GitHub's own parser: YAML front matter (kept as text) and blocks.
public struct MarkdownDocument: Equatable, Sendable {
    /// The `---`-fenced YAML at the very top, without its fences; nil when there is none.
    public var frontMatter: String?
    public var blocks: [MarkdownBlock]

    public init(parsing source: String) {
        var body = Substring(source)
        frontMatter = nil
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---\n", range: body.index(body.startIndex, offsetBy: 3)..<body.endIndex) {
            frontMatter = String(body[body.index(body.startIndex, offsetBy: 4)..<end.lowerBound])
            body = body[end.upperBound...]
        }
        let text = String(body)
        let length = text.utf8.count
        guard let document = text.withCString({ convene_parse_gfm($0, length) }) else {
            blocks = [.paragraph([.text(text)])]
            return
        }
        defer { cmark_node_free(document) }
        blocks = Self.children(of: document).compactMap(Self.block)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        switch typeName(node) {
        case "heading": .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case "paragraph": .paragraph(inlines(of: node))
        case "block_quote": .quote(children(of: node).compactMap(block))
        case "list":
            .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                  tight: cmark_node_get_list_tight(node) != 0, items: children(of: node).map { children(of: $0).compactMap(block) })
        case "code_block":
            .code(literal(node).hasSuffix("\n") ? String(literal(node).dropLast()) : literal(node),
                  info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
        case "thematic_break": .rule
        case "html_block": .html(literal(node).trimmingCharacters(in: .newlines))
        case "table": table(node)
        default: nil
        }
    }

    private static func table(_ node: OpaquePointer) -> MarkdownBlock {
        let rows = children(of: node).map { row in children(of: row).map { inlines(of: $0) } }
        let columns = rows.map(\.count).max() ?? 0
        let alignments: [MarkdownBlock.Alignment] = (0..<columns).map { column in
            switch convene_table_alignment(node, Int32(column)) {
            case CChar(UInt8(ascii: "c")): .centre
            case CChar(UInt8(ascii: "r")): .right
            default: .left
            }
        }
        return .table(alignments: alignments, header: rows.first ?? [], rows: Array(rows.dropFirst()))
    }

    private static func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        children(of: node).flatMap { child -> [MarkdownInline] in
            switch typeName(child) {
            case "text", "html_inline": [.text(literal(child))]
            case "emph": [.emphasis(inlines(of: child))]
            case "strong": [.strong(inlines(of: child))]
            case "strikethrough": [.strikethrough(inlines(of: child))]
            case "code": [.code(literal(child))]
            case "link", "image": [.link(inlines(of: child), destination: cmark_node_get_url(child).map { String(cString: $0) } ?? "")]
            case "linebreak": [.lineBreak]
            case "softbreak": [.softBreak]
            // Anything else (a footnote reference, say) reads as its own text.
            default: inlines(of: child) + (literal(child).isEmpty ? [] : [.text(literal(child))])
            }
        }
    }
}
