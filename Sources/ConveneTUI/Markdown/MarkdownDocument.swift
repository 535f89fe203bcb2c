import CCmarkGFM
import ConveneCore
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
        if let fenced = FrontMatter.range(in: body) {
            // Inside the fences: past "---\n", up to "\n---\n" (five bytes).
            frontMatter = String(body[body.utf8.index(body.startIndex, offsetBy: 4)..<body.utf8.index(fenced.upperBound, offsetBy: -5)])
            body = body[fenced.upperBound...]
        }
        let text = String(body)
        let length = text.utf8.count
        guard let document = text.withCString({ convene_parse_gfm($0, length) }) else {
            blocks = [.paragraph([.text(text)])]
            return
        }
        defer { cmark_node_free(document) }
        // The top-level blocks converted on every core: a long record has hundreds.
        let top = Nodes(pointers: Self.children(of: document))
        blocks = ParallelChunks.map(top.pointers.indices, minimumChunk: 16) { part in
            top.pointers[part].compactMap { Self.block($0, depth: 0) }
        }
    }

    /// cmark's nodes, handed to the threads that convert them. The tree is only read once parsed
    /// (a node's text is cached on it as it is first read, and each node is read by one thread),
    /// and freed only after every thread is done.
    private struct Nodes: @unchecked Sendable {
        let pointers: [OpaquePointer]
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] { CmarkTree.children(of: node) }
    private static func typeName(_ node: OpaquePointer) -> String { CmarkTree.typeName(node) }
    private static func literal(_ node: OpaquePointer) -> String { CmarkTree.literal(node) }

    /// Lists and quotes nested deeper than this are read as one level holding all their blocks:
    /// nothing is dropped, and neither reading nor drawing recurses further, however deep a file
    /// (or an attacker) nests them.
    static let maximumDepth = 32

    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        switch typeName(node) {
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case "paragraph": return .paragraph(inlines(of: node))
        case "block_quote":
            return .quote(depth < maximumDepth ? children(of: node).compactMap { block($0, depth: depth + 1) } : leaves(of: node))
        case "list":
            let items = depth < maximumDepth
                ? children(of: node).map { children(of: $0).compactMap { block($0, depth: depth + 1) } }
                : [leaves(of: node)]
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0, items: items)
        case "code_block":
            return .code(literal(node).hasSuffix("\n") ? String(literal(node).dropLast()) : literal(node),
                         info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
        case "thematic_break": return .rule
        case "html_block": return .html(literal(node).trimmingCharacters(in: .newlines))
        case "table": return table(node)
        default: return nil
        }
    }

    /// Every block below `node` that holds no blocks itself, in document order, found by walking
    /// with cmark's iterator rather than by recursion.
    private static func leaves(of node: OpaquePointer) -> [MarkdownBlock] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [MarkdownBlock] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch typeName(current) {
            case "block_quote", "list", "item": continue
            case "heading", "paragraph", "code_block", "thematic_break", "html_block", "table":
                if let leaf = block(current, depth: maximumDepth) { found.append(leaf) }
            default: continue
            }
        }
        return found
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
            case "link", "image": [.link(inlines(of: child), destination: CmarkTree.url(child))]
            case "linebreak": [.lineBreak]
            case "softbreak": [.softBreak]
            // Anything else (a footnote reference, say) reads as its own text.
            default: inlines(of: child) + (literal(child).isEmpty ? [] : [.text(literal(child))])
            }
        }
    }
}
