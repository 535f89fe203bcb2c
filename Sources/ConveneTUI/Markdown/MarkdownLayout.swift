import ConveneCore

/// Lays Markdown out for a terminal `width` columns wide: headings styled, paragraphs and list items
/// wrapped with their indentation, quotes barred, code kept as typed, tables aligned with their cells
/// wrapped (never truncated) when the table is wider than the terminal.
public struct MarkdownLayout: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(20, width)
    }

    /// A heading and the line it starts on, for a table of contents and section jumps.
    public struct Heading: Equatable, Sendable {
        public var line: Int
        public var level: Int
        public var title: String
    }

    /// A document laid out so far: the reader lays out what the screen shows first and the rest
    /// when asked (or while the keys rest), as `less` shows its first page at once.
    public struct Progress: Sendable {
        public fileprivate(set) var lines: [StyledLine]
        public fileprivate(set) var headings: [Heading] = []
        /// The first block not laid out yet.
        public fileprivate(set) var nextBlock = 0
        public fileprivate(set) var isComplete = false
        let blockCount: Int

        /// Lines the whole document will take, estimated from the blocks laid out so far.
        public var estimatedLineCount: Int {
            isComplete || nextBlock == 0 ? lines.count : lines.count * blockCount / nextBlock
        }
    }

    /// The front matter laid out, no block yet.
    public func start(_ document: MarkdownDocument) -> Progress {
        Progress(lines: frontMatterLines(document.frontMatter), blockCount: document.blocks.count)
    }

    /// Lays out blocks of `document` until `progress` holds at least `lineCount` lines (all of them
    /// when nil), `blockCount` more blocks are laid out (no limit when nil), or the document ends.
    public func continueLayout(_ progress: inout Progress, of document: MarkdownDocument, toLines lineCount: Int? = nil,
                               blocks blockCount: Int? = nil) {
        let lastBlock = blockCount.map { progress.nextBlock + $0 }
        while !progress.isComplete, lineCount.map({ progress.lines.count < $0 }) ?? true,
              lastBlock.map({ progress.nextBlock < $0 }) ?? true {
            guard progress.nextBlock < document.blocks.count else {
                while progress.lines.last?.spans.isEmpty == true { progress.lines.removeLast() }
                progress.isComplete = true
                return
            }
            let block = document.blocks[progress.nextBlock]
            if case .heading(let level, let content) = block {
                progress.headings.append(Heading(line: progress.lines.count, level: level, title: plain(content)))
            }
            progress.lines += lines(of: block)
            progress.lines.append(StyledLine())
            progress.nextBlock += 1
        }
    }

    /// The document's lines, and where each of its top-level headings starts. Blocks are laid out
    /// on every core (each stands alone), then put one after the other with a blank line between.
    public func render(_ document: MarkdownDocument) -> (lines: [StyledLine], headings: [Heading]) {
        var progress = start(document)
        let laidOut = ParallelChunks.map(document.blocks.indices, minimumChunk: 16) { part in
            document.blocks[part].map(lines(of:))
        }
        for (block, lines) in zip(document.blocks, laidOut) {
            if case .heading(let level, let content) = block {
                progress.headings.append(Heading(line: progress.lines.count, level: level, title: plain(content)))
            }
            progress.lines += lines
            progress.lines.append(StyledLine())
        }
        progress.nextBlock = document.blocks.count
        continueLayout(&progress, of: document)
        return (progress.lines, progress.headings)
    }

    public func lines(for document: MarkdownDocument) -> [StyledLine] {
        render(document).lines
    }

    /// Every line `eachLines` hands on, at once: the same as laying out the parsed document.
    func lines(parsing source: String, partSize: Int = MarkdownDocument.partSize) -> [StyledLine] {
        var lines: [StyledLine] = []
        eachLines(parsing: source, partSize: partSize) { run in
            lines += run
            return true
        }
        return lines
    }

    /// The lines of the Markdown `source` (as laying out its parsed document gives them), handed to
    /// `deliver` a run at a time as they are laid out, until it returns false: what `convene show`
    /// pages. Each run is laid out by the thread that parsed it while another parses the next: the
    /// first runs go out while the rest is parsed, and only a few parts of a long record are held
    /// at once, never the whole of it.
    public func eachLines(parsing source: String, _ deliver: ([StyledLine]) -> Bool) {
        eachLines(parsing: source, partSize: MarkdownDocument.partSize, deliver)
    }

    func eachLines(parsing source: String, partSize: Int, _ deliver: ([StyledLine]) -> Bool) {
        let (frontMatter, body) = MarkdownDocument.frontMatterAndBody(of: source)
        // Blank lines are passed on once a line that is not blank follows them: the document ends
        // at its last line that is not blank.
        var blanks = 0
        func pass(_ lines: [StyledLine]) -> Bool {
            guard let last = lines.lastIndex(where: { !$0.spans.isEmpty }) else {
                blanks += lines.count
                return true
            }
            let run = blanks == 0 ? Array(lines[...last]) : Array(repeating: StyledLine(), count: blanks) + lines[...last]
            blanks = lines.count - last - 1
            return deliver(run)
        }
        guard pass(frontMatterLines(frontMatter)) else { return }
        var endsWithList = false
        MarkdownDocument.eachPart(of: body, partSize: partSize, ahead: 2 * ParallelChunks.workers, laidOut) { part, continuesList in
            // A list cut between two parts goes on as one: without the blank line after a block.
            if continuesList, endsWithList, part.startsWithList { blanks -= 1 }
            endsWithList = part.endsWithList
            return pass(part.lines)
        }
    }

    /// A run of top-level blocks laid out, each block followed by a blank line; and whether it starts
    /// and ends with a tight bullet list, which a long list cut between parts is.
    struct LaidOutPart: Sendable {
        var lines: [StyledLine] = []
        var startsWithList = false
        var endsWithList = false
    }

    @Sendable private func laidOut(_ blocks: [MarkdownBlock]) -> LaidOutPart {
        var part = LaidOutPart()
        for block in blocks {
            part.lines += self.lines(of: block)
            part.lines.append(StyledLine())
        }
        part.startsWithList = blocks.first?.tightBulletList != nil
        part.endsWithList = blocks.last?.tightBulletList != nil
        return part
    }

    /// One top-level block's lines, without the blank line after it.
    private func lines(of block: MarkdownBlock) -> [StyledLine] {
        self.block(block, width: width).map(\.trimmed)
    }

    /// YAML front matter as muted `key:` value lines under a rule.
    private func frontMatterLines(_ frontMatter: String?) -> [StyledLine] {
        guard let frontMatter else { return [] }
        var lines: [StyledLine] = frontMatter.split(separator: "\n", omittingEmptySubsequences: true).map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1)
            return parts.count == 2
                ? StyledLine([Span(String(parts[0]) + ":", .muted), Span(String(parts[1]))])
                : StyledLine([Span(String(entry), .muted)])
        }
        lines.append(StyledLine([Span(String(repeating: "─", count: width), .muted)]))
        lines.append(StyledLine())
        return lines
    }

    /// Where a block is drawn: what goes before its first line and before each line after, and the
    /// columns left for its own text. Nested lists and quotes extend the prefixes as they go down,
    /// so every line is built once however deep it sits (laying out is linear in the document);
    /// past `maximumIndent` columns they stop indenting further, so deep nesting never squeezes
    /// the text out of the screen.
    struct Place {
        var first: [Span] = []
        var rest: [Span] = []
        var indent = 0
        /// Columns for text after the `rest` prefix.
        var width: Int
        /// Columns the first line's marker takes beyond `rest`, once nesting is deeper than drawn.
        var overflow = 0

        static let maximumIndent = 24

        /// The columns the block's text is wrapped to.
        var textWidth: Int { width - overflow }

        /// The place of a block inside this one, marked with `marker` on its first line and
        /// `continuation` before the others.
        func nested(marker: Span, continuation: Span, isFirst: Bool) -> Place {
            let columns = DisplayWidth.of(marker.text)
            guard indent + columns <= Self.maximumIndent, width - columns >= 20 else {
                // Deeper than drawn: the marker shows, the indentation stays as it is.
                return Place(first: rest + [marker], rest: rest, indent: indent, width: width, overflow: columns)
            }
            return Place(first: (isFirst ? first : rest) + [marker], rest: rest + [continuation], indent: indent + columns,
                         width: width - columns)
        }

        /// `lines` with this place's prefixes before them.
        func prefixed(_ lines: [StyledLine]) -> [StyledLine] {
            guard !first.isEmpty || !rest.isEmpty else { return lines }
            return lines.enumerated().map { offset, line in
                var spans = offset == 0 ? first : rest
                spans.reserveCapacity(spans.count + line.spans.count)
                spans += line.spans
                return StyledLine(spans)
            }
        }
    }

    /// Blocks one after another, a blank line between them unless `tight`.
    private func blocks(_ blocks: [MarkdownBlock], in place: Place, tight: Bool = false) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, block) in blocks.enumerated() {
            var here = place
            if index > 0 { here.first = place.rest }
            lines += self.block(block, in: here)
            if !tight && index < blocks.count - 1 { lines.append(StyledLine(place.rest)) }
        }
        return lines
    }

    private func block(_ block: MarkdownBlock, width: Int) -> [StyledLine] {
        self.block(block, in: Place(width: width))
    }

    private func block(_ block: MarkdownBlock, in place: Place) -> [StyledLine] {
        switch block {
        case .heading(let level, let content):
            let style: Style = level == 1 ? Style(role: .accent, bold: true, underline: true) : level == 2 ? .heading : Style(bold: true)
            return place.prefixed(WordWrap.lines(spans(content, base: style), width: place.textWidth))
        case .paragraph(let content):
            return place.prefixed(WordWrap.lines(spans(content, base: .plain), width: place.textWidth))
        case .quote(let inner):
            let bar = Span("│ ", .muted)
            return blocks(inner, in: place.nested(marker: bar, continuation: bar, isFirst: true))
        case .list(let ordered, let start, let tight, let items):
            var lines: [StyledLine] = []
            // A bulleted list's items all sit in one of two places, worked out once: a long record's
            // lists hold thousands of points.
            let bulleted = ordered ? nil : (first: itemPlace("• ", in: place, isFirst: true), rest: itemPlace("• ", in: place, isFirst: false))
            for (index, item) in items.enumerated() {
                let inner = bulleted.map { index == 0 ? $0.first : $0.rest }
                    ?? itemPlace("\(start + index). ", in: place, isFirst: index == 0)
                let body = blocks(item.blocks, in: inner, tight: tight)
                lines += body.isEmpty ? [StyledLine(inner.first)] : body
                if !tight && index < items.count - 1 { lines.append(StyledLine(place.rest)) }
            }
            return lines
        case .code(let text, let info):
            if info == "mermaid", let chart = QuadrantChart(mermaid: text) { return place.prefixed(chart.lines(width: place.textWidth)) }
            return place.prefixed(text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                TextLayout.wrap(String(line), width: place.textWidth - 2).map { StyledLine([Span("  "), Span($0, Style(role: .accent))]) }
            })
        case .rule:
            return place.prefixed([StyledLine([Span(String(repeating: "─", count: place.textWidth), .muted)])])
        case .html(let text):
            return place.prefixed(text.split(separator: "\n").map { StyledLine([Span(String($0), .muted)]) })
        case .table(let alignments, let header, let rows):
            return place.prefixed(MarkdownTable(alignments: alignments, header: header.map { spans($0, base: .heading) },
                                                rows: rows.map { $0.map { spans($0, base: .plain) } }).lines(width: place.textWidth))
        }
    }

    /// Where a list item marked `marker` goes in a list at `place`.
    private func itemPlace(_ marker: String, in place: Place, isFirst: Bool) -> Place {
        place.nested(marker: Span(marker, .muted), continuation: Span(String(repeating: " ", count: DisplayWidth.of(marker))),
                     isFirst: isFirst)
    }

    /// Inline Markdown as styled spans.
    func spans(_ inlines: [MarkdownInline], base: Style) -> [Span] {
        var spans: [Span] = []
        appendSpans(inlines, base: base, to: &spans)
        return spans
    }

    private func appendSpans(_ inlines: [MarkdownInline], base: Style, to spans: inout [Span]) {
        for inline in inlines {
            switch inline {
            case .text(let text): spans.append(Span(text, base))
            case .emphasis(let inner): appendSpans(inner, base: Style(role: base.role, bold: base.bold, underline: true), to: &spans)
            case .strong(let inner): appendSpans(inner, base: Style(role: base.role, bold: true, underline: base.underline), to: &spans)
            case .strikethrough(let inner): appendSpans(inner, base: Style(role: .muted, dim: true), to: &spans)
            case .code(let text): spans.append(Span(text, Style(role: .accent)))
            case .link(let inner, let destination):
                appendSpans(inner, base: Style(role: .accent, underline: true), to: &spans)
                if !destination.isEmpty && destination != plain(inner) { spans.append(Span(" <\(destination)>", .muted)) }
            case .lineBreak: spans.append(Span("\n", base))
            case .softBreak: spans.append(Span(" ", base))
            }
        }
    }

    private func plain(_ inlines: [MarkdownInline]) -> String {
        spans(inlines, base: .plain).map(\.text).joined()
    }
}
