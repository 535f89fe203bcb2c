import CCmarkGFM
import ConveneCore
import Foundation

/// Inline Markdown: what runs inside a paragraph, heading or table cell. Not `indirect`: the
/// arrays hold what nests, and a long record's every word of text is not boxed again.
public enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    case link([MarkdownInline], destination: String)
    case lineBreak
    case softBreak
}

/// Block Markdown: the structure of a document (arrays hold what nests, as for inlines).
public enum MarkdownBlock: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, centre, right }

    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    case quote([MarkdownBlock])
    /// `tight`: written without blank lines between items, and so laid out.
    case list(ordered: Bool, start: Int, tight: Bool, items: [MarkdownListItem])
    /// Fenced or indented code; `info` is the fence's language, e.g. "mermaid".
    case code(String, info: String = "")
    case rule
    case table(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case html(String)
}

/// One item of a list. Most items of a record are a line of plain text (a point), kept as that
/// text alone: as blocks, each held two arrays more, about 26 MB of a 200,000-point record's reader.
public enum MarkdownListItem: Sendable {
    case text(String)
    case blocks([MarkdownBlock])

    /// What the item holds, as blocks whichever way it is kept.
    public var blocks: [MarkdownBlock] {
        switch self {
        case .text(let text): [.paragraph([.text(text)])]
        case .blocks(let blocks): blocks
        }
    }

    /// The item that holds `blocks`: its text alone when that is all it holds.
    init(_ blocks: [MarkdownBlock]) {
        if blocks.count == 1, case .paragraph(let inlines) = blocks[0], inlines.count == 1, case .text(let text) = inlines[0] {
            self = .text(text)
        } else {
            self = .blocks(blocks)
        }
    }
}

extension MarkdownListItem: Equatable {
    /// Equal when they hold the same blocks, however each is kept.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)): left == right
        default: lhs.blocks == rhs.blocks
        }
    }
}

extension MarkdownBlock {
    /// The first number and the items of a list of bullets with no blank line between its items
    /// (what a long list cut between parts of a text is, on both sides of the cut: see
    /// `MarkdownSections`); nil for any other block.
    var tightBulletList: (start: Int, items: [MarkdownListItem])? {
        if case .list(ordered: false, let start, tight: true, let items) = self { (start, items) } else { nil }
    }
}

/// A Markdown file read with GitHub's own parser: YAML front matter (kept as text) and blocks.
public struct MarkdownDocument: Equatable, Sendable {
    /// The `---`-fenced YAML at the very top, without its fences; nil when there is none.
    public var frontMatter: String?
    public var blocks: [MarkdownBlock]

    public init(parsing source: String) {
        self.init(parsing: source, partSize: Self.partSize)
    }

    /// `partSize`: what counts as a long text (see `partSize`), smaller in tests.
    init(parsing source: String, partSize: Int) {
        let (frontMatter, body) = Self.frontMatterAndBody(of: source)
        self.frontMatter = frontMatter
        var blocks: [MarkdownBlock] = []
        // The items of a list cut between parts, gathered until it ends: one list, as in the whole.
        var list: (start: Int, items: [MarkdownListItem])?
        Self.eachPart(of: body, partSize: partSize, ahead: .max, { $0 }) { part, continuesList in
            var part = part[...]
            if continuesList, list != nil, let rest = part.first?.tightBulletList {
                list?.items += rest.items
                part = part.dropFirst()
            }
            if let gathered = list, !part.isEmpty {
                blocks.append(.list(ordered: false, start: gathered.start, tight: true, items: gathered.items))
                list = nil
            }
            if let last = part.last?.tightBulletList {
                blocks += part.dropLast()
                list = last
            } else {
                blocks += part
            }
            return true
        }
        if let gathered = list { blocks.append(.list(ordered: false, start: gathered.start, tight: true, items: gathered.items)) }
        self.blocks = blocks
    }

    /// The `---`-fenced YAML at the very top of `source` (without its fences), and the text below it.
    /// The body is a view of `source`, not a copy: a long record is held once.
    static func frontMatterAndBody(of source: String) -> (frontMatter: String?, body: Substring) {
        let whole = Substring(source)
        guard let fenced = FrontMatter.range(in: whole) else { return (nil, whole) }
        // Inside the fences: past "---\n", up to "\n---\n" (five bytes).
        return (String(whole[whole.utf8.index(whole.startIndex, offsetBy: 4)..<whole.utf8.index(fenced.upperBound, offsetBy: -5)]),
                whole[fenced.upperBound...])
    }

    /// Parts a long text is cut into (see `MarkdownSections`): small enough that the last part's
    /// conversion, which nothing overlaps, is short; large enough that each parse is worth starting.
    static let partSize = 32 * 1024

    /// The parts of `body` (no front matter), each handed to `deliver` in order as soon as it and
    /// those before it are made, until `deliver` returns false.
    ///
    /// A long text is cut into parts parsed on every core, `ahead` of them at a time, each part
    /// converted by the thread that parsed it while another thread parses the next: with `ahead`
    /// small, the first parts are delivered before the rest is parsed, and no more than `ahead`
    /// parts are held at once. A short one is parsed whole, its top-level blocks then converted in
    /// runs on every core.
    static func eachPart<Part: Sendable>(
        of body: Substring, partSize: Int, ahead: Int, _ transform: @Sendable ([MarkdownBlock]) -> Part,
        deliver: (_ part: Part, _ continuesList: Bool) -> Bool
    ) {
        // A native string's bytes are read in place; any other kind is made one first.
        guard body.utf8.withContiguousStorageIfAvailable({ eachPart(of: $0, partSize: partSize, ahead: ahead, transform, deliver: deliver) }) != nil
        else {
            var copy = String(body)
            return copy.withUTF8 { eachPart(of: $0, partSize: partSize, ahead: ahead, transform, deliver: deliver) }
        }
    }

    private static func eachPart<Part: Sendable>(
        of text: UnsafeBufferPointer<UInt8>, partSize: Int, ahead: Int, _ transform: @Sendable ([MarkdownBlock]) -> Part,
        deliver: (_ part: Part, _ continuesList: Bool) -> Bool
    ) {
        let cuts = MarkdownSections.parts(of: text, size: partSize)
        guard cuts.count > 1 else {
            for part in wholeParts(parsing: text, transform) where !deliver(part, false) { return }
            return
        }
        let source = Source(bytes: text)
        var first = 0
        while first < cuts.count {
            let end = first + min(max(1, ahead), cuts.count - first)
            let parsed = ParallelChunks.map(first..<end, chunks: end - first) { run in
                [Self.part(parsing: source.bytes, cut: cuts[run.lowerBound].range, transform)]
            }
            // A part that ends in a code or HTML block may have left it open, swallowing the
            // heading the next part starts with: it is parsed again together with the next part.
            // Should that still end open (a block never closed), the rest of the text is parsed
            // as one.
            var next = first
            while next < end {
                var last = next
                var result = parsed[next - first]
                while result.mayBeOpen && last + 1 < cuts.count {
                    last = last == next ? next + 1 : cuts.count - 1
                    result = part(parsing: text, cut: cuts[next].range.lowerBound..<cuts[last].range.upperBound, transform)
                }
                guard deliver(result.part, cuts[next].continuesList) else { return }
                next = last + 1
            }
            first = next
        }
    }

    /// One part made, and whether its last block is one that could still be open.
    private struct ParsedPart<Part: Sendable>: Sendable {
        var part: Part
        var mayBeOpen: Bool
    }

    private static func part<Part: Sendable>(
        parsing text: UnsafeBufferPointer<UInt8>, cut: Range<Int>, _ transform: ([MarkdownBlock]) -> Part
    ) -> ParsedPart<Part> {
        let bytes = UnsafeBufferPointer(rebasing: text[cut])
        guard let document = parse(bytes) else { return ParsedPart(part: transform([unparsed(bytes)]), mayBeOpen: false) }
        defer { cmark_node_free(document) }
        let top = children(of: document)
        let mayBeOpen = top.last.map { ["code_block", "html_block"].contains(typeName($0)) } ?? false
        return ParsedPart(part: transform(top.compactMap { block($0, depth: 0) }), mayBeOpen: mayBeOpen)
    }

    private static func wholeParts<Part: Sendable>(
        parsing text: UnsafeBufferPointer<UInt8>, _ transform: @Sendable ([MarkdownBlock]) -> Part
    ) -> [Part] {
        guard let document = parse(text) else { return [transform(text.isEmpty ? [] : [unparsed(text)])] }
        defer { cmark_node_free(document) }
        // The top-level blocks converted on every core: a long record has hundreds.
        let top = Nodes(pointers: Self.children(of: document))
        return ParallelChunks.map(top.pointers.indices, minimumChunk: 16) { run in
            [transform(top.pointers[run].compactMap { Self.block($0, depth: 0) })]
        }
    }

    /// cmark's document for `bytes`; nil only when cmark could not allocate one.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        // An empty text still has a document: cmark is handed a valid pointer to no bytes.
        let empty: CChar = 0
        guard let base = bytes.baseAddress else { return withUnsafePointer(to: empty) { convene_parse_gfm($0, 0) } }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { convene_parse_gfm($0, bytes.count) }
    }

    /// Text cmark did not parse, kept as one paragraph of what it says.
    private static func unparsed(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownBlock {
        .paragraph([.text(String(decoding: bytes, as: UTF8.self))])
    }

    /// The text's bytes, handed to the threads that parse its parts: only read, and only while the
    /// caller's `withUTF8` lends them, which outlasts every thread.
    private struct Source: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
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
                ? children(of: node).map { MarkdownListItem(children(of: $0).compactMap { block($0, depth: depth + 1) }) }
                : [MarkdownListItem(leaves(of: node))]
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

    /// The inline containers that style what they hold (made once: every block's inlines ask).
    private static let inlineStyles: Set<String> = ["emph", "strong", "strikethrough", "link", "image"]

    /// The inlines of a block, built with cmark's iterator rather than by recursion. Emphasis and
    /// links nested deeper than `maximumDepth` keep their text, not their style: however deep a
    /// paste nests them, neither this nor the layout or the drawing recurses further.
    private static func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        /// A container entered and not yet left: what it becomes (nil: its content joins the one
        /// around it) and what it holds so far.
        struct Open {
            var make: (([MarkdownInline]) -> MarkdownInline)?
            var content: [MarkdownInline] = []
            var trailing: String = ""
        }
        var stack = [Open(make: nil)]
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator), child != node else { continue }
            let kind = typeName(child)
            if cmark_node_first_child(child) == nil && !inlineStyles.contains(kind) {
                switch kind {
                case "text", "html_inline": stack[stack.count - 1].content.append(.text(literal(child)))
                case "code": stack[stack.count - 1].content.append(.code(literal(child)))
                case "linebreak": stack[stack.count - 1].content.append(.lineBreak)
                case "softbreak": stack[stack.count - 1].content.append(.softBreak)
                // Anything else (a footnote reference, say) reads as its own text.
                default: if !literal(child).isEmpty { stack[stack.count - 1].content.append(.text(literal(child))) }
                }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                let make: (([MarkdownInline]) -> MarkdownInline)? = switch kind {
                case _ where stack.count > maximumDepth: nil
                case "emph": { .emphasis($0) }
                case "strong": { .strong($0) }
                case "strikethrough": { .strikethrough($0) }
                case "link", "image":
                    { [destination = CmarkTree.url(child)] in .link($0, destination: destination) }
                default: nil
                }
                stack.append(Open(make: make, trailing: inlineStyles.contains(kind) ? "" : literal(child)))
            } else if stack.count > 1, let closed = stack.popLast() {
                if let make = closed.make {
                    stack[stack.count - 1].content.append(make(closed.content))
                } else {
                    stack[stack.count - 1].content += closed.content
                }
                if !closed.trailing.isEmpty { stack[stack.count - 1].content.append(.text(closed.trailing)) }
            }
        }
        return stack.first?.content ?? []
    }
}
