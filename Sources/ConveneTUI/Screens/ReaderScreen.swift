import Foundation

import ConveneCore

/// What the reader asks its scene to do.
public enum ReaderEffect: Equatable, Sendable {
    case close
    /// Read another session of the series, over this one (`q` comes back).
    case read(SessionReference)
}

/// How a reader effect turned out.
public enum ReaderOutcome: Equatable, Sendable {
    case notRead(String)
}

/// What the reader's title bar and `{` `}` say of a session: learnt from the session itself.
public struct ReaderHeading: Equatable, Sendable {
    public var title: String
    public var series: ReaderSeries

    public init(title: String, series: ReaderSeries = ReaderSeries()) {
        self.title = title
        self.series = series
    }
}

/// The sessions a record's series links it to: what `{` and `}` read.
public struct ReaderSeries: Equatable, Sendable {
    public var previous: SessionReference?
    public var next: SessionReference?

    public init(previous: SessionReference? = nil, next: SessionReference? = nil) {
        self.previous = previous
        self.next = next
    }
}

/// Reading a Markdown document read-only: scrolling, sections, a table of contents and search.
/// The document is laid out for the current width and again whenever the width changes: the
/// screens near the top at once, the rest as the reader scrolls, jumps or searches, or while the
/// keys rest (`layOutMore`), so a long record opens as fast as a short one.
public struct ReaderScreen: Screen {
    public enum Mode: Equatable, Sendable {
        case reading
        case searching(TextField)
        case contents(selected: Int)
        /// The keys, over the text, scrolled to `offset`.
        case help(offset: Int)
    }

    public private(set) var title: String
    private(set) var document: MarkdownDocument
    public private(set) var mode: Mode = .reading
    /// The first line shown.
    public private(set) var top = 0
    public private(set) var query = ""
    public private(set) var status: StatusLine?
    public static let minimumSize = (width: 30, height: 6)
    private var layoutWidth = 0
    private var progress: MarkdownLayout.Progress?
    private var lines: [StyledLine] { progress?.lines ?? [] }
    private var headings: [MarkdownLayout.Heading] { progress?.headings ?? [] }
    /// Lines laid out ahead of the first one shown: more than any screen is tall.
    static let lookahead = 300
    /// Blocks laid out per `layOutMore`, a few milliseconds' work.
    static let blocksPerStep = 400
    /// Set by `search(for:)`: jump to the first hit at the next layout.
    private var pendingJump = false

    /// How much of the whole the document is, by bytes: less than 1 while the reader shows a long
    /// document's opening (`ArrivingDocument`), so the position shown is in the whole.
    private var shareOfWhole: Double

    /// The reader's keys, its help's, and its search field's.
    public let keys: KeyMap
    /// The series' sessions before and after the one read; none for a plain file.
    public private(set) var series: ReaderSeries

    public init(title: String, document: MarkdownDocument, shareOfWhole: Double = 1, keys: KeyMap = .standard,
                series: ReaderSeries = ReaderSeries()) {
        self.keys = keys
        self.series = series
        self.title = title
        self.document = document
        self.shareOfWhole = min(1, max(shareOfWhole, 0.000_1))
    }

    /// The title and series, once learnt from the session behind the notes (current notes are
    /// shown before they are).
    public mutating func settle(_ heading: ReaderHeading) {
        title = heading.title
        series = heading.series
    }

    /// Starts the reader searching for `text` (from the review list): the first hit is shown once laid out.
    public mutating func search(for text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        query = text
        pendingJump = true
    }

    /// Lays the document out again when the width has changed, keeping the same text in view.
    public mutating func fit(width: Int) {
        let width = max(20, width - 2)
        guard width != layoutWidth else { return }
        let before = progress?.estimatedLineCount ?? 0
        let fraction = before == 0 ? 0 : Double(top) / Double(before)
        let layout = MarkdownLayout(width: width)
        var fresh = layout.start(document)
        layout.continueLayout(&fresh, of: document, toLines: Self.lookahead)
        progress = fresh
        layoutWidth = width
        top = Int(fraction * Double(fresh.estimatedLineCount))
        layOut(toLine: top + Self.lookahead)
        if pendingJump {
            pendingJump = false
            layOut(toLine: nil)
            jump(toHitAfter: -1, forward: true)
        }
    }

    /// Takes the whole document in place of its opening (`ArrivingDocument`), before any key has
    /// moved the view: it is laid out at the next `fit`.
    public mutating func takeWhole(_ whole: MarkdownDocument) {
        document = whole
        shareOfWhole = 1
        progress = nil
        layoutWidth = 0
    }

    /// Whether the whole document is laid out for the current width.
    public var isLaidOut: Bool { progress?.isComplete ?? true }

    /// Lays out the next blocks: the scene calls it while the keys rest.
    public mutating func layOutMore() {
        guard var progress, !progress.isComplete else { return }
        MarkdownLayout(width: layoutWidth).continueLayout(&progress, of: document, blocks: Self.blocksPerStep)
        self.progress = progress
    }

    /// Lays out at least up to `line` (the whole document when nil).
    private mutating func layOut(toLine line: Int?) {
        guard var progress, !progress.isComplete else { return }
        MarkdownLayout(width: layoutWidth).continueLayout(&progress, of: document, toLines: line)
        self.progress = progress
    }

    /// Lines laid out so far that contain the query, in order: whoever needs every hit lays the
    /// whole document out first.
    var hits: [Int] {
        guard !query.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// Takes a message with the document laid out for the terminal as it is now (`fit`), so "the
    /// end" means the end of what will be drawn. The world is the terminal's size: a page is its height.
    public mutating func update(_ message: Message<ReaderOutcome>, in size: TerminalSize) -> [ReaderEffect] {
        switch message {
        case .key(let key):
            if mode == .reading, let action = KeyMap.action(for: key, in: keys.reader),
               action == .previousSession || action == .nextSession {
                return readNeighbour(action == .previousSession ? series.previous : series.next, before: action == .previousSession)
            }
            return handle(key, height: size.height) ? [] : [.close]
        case .outcome(.notRead(let problem)):
            status = StatusLine(problem, isError: true)
        case .tick, .resize, .returned:
            break
        }
        return []
    }

    private mutating func readNeighbour(_ neighbour: SessionReference?, before: Bool) -> [ReaderEffect] {
        guard let neighbour else {
            status = StatusLine(series == ReaderSeries() ? "This record is not linked to other sessions of a series"
                                : before ? "This is the first session of the series" : "This is the latest session of the series")
            return []
        }
        return [.read(neighbour)]
    }

    /// Returns false when the reader closes.
    private mutating func handle(_ key: Key, height: Int) -> Bool {
        let page = max(1, height - 3)
        switch mode {
        case .searching(var field):
            switch key {
            case .enter:
                query = field.text
                mode = .reading
                layOut(toLine: nil)
                jump(toHitAfter: top - 1, forward: true)
            case .escape:
                mode = .reading
            default:
                field.edit(with: key)
                mode = .searching(field)
            }
            return true
        case .help(let offset):
            mode = HelpOverlay.scrolled(by: key, from: offset, lines: helpLines.count, keys: keys).map(Mode.help) ?? .reading
            return true
        case .contents(let selected):
            switch (key, KeyMap.action(for: key, in: keys.reader)) {
            case (_, .lineDown?): mode = .contents(selected: min(max(0, headings.count - 1), selected + 1))
            case (_, .lineUp?): mode = .contents(selected: max(0, selected - 1))
            case (.click(.entry(let index)), _) where headings.indices.contains(index) && index != selected:
                mode = .contents(selected: index)
            case (.enter, _), (.click(.entry(selected)), _):
                // Enter, or a click on the heading already selected, goes there.
                if headings.indices.contains(selected) { top = headings[selected].line }
                mode = .reading
            default: mode = .reading
            }
            return true
        case .reading:
            guard let action = KeyMap.action(for: key, in: keys.reader) else { return true }
            if action != .nextHit && action != .previousHit { status = nil }
            switch action {
            case .lineDown, .pageDown: layOut(toLine: top + page + Self.lookahead)
            case .lineUp, .pageUp, .top, .search, .help, .quit, .previousSession, .nextSession: break
            case .bottom, .nextHit, .previousHit, .nextSection, .previousSection, .contents: layOut(toLine: nil)
            }
            let last = max(0, lines.count - page)
            switch action {
            case .quit: return false
            case .lineDown: top = min(last, top + 1)
            case .lineUp: top = max(0, top - 1)
            case .pageDown: top = min(last, top + page)
            case .pageUp: top = max(0, top - page)
            case .top: top = 0
            case .bottom: top = last
            // The last query, selected: typing starts a new one, a movement keeps it to change.
            case .search: mode = .searching(TextField(text: query, allowsLineBreaks: false, selectingAll: true))
            case .nextHit: jump(toHitAfter: top, forward: true)
            case .previousHit: jump(toHitAfter: top, forward: false)
            case .nextSection: top = headings.first { $0.line > top }?.line ?? top
            case .previousSection: top = headings.last { $0.line < top }?.line ?? 0
            case .contents:
                mode = .contents(selected: max(0, (headings.lastIndex { $0.line <= top }) ?? 0))
            case .help:
                mode = .help(offset: 0)
            case .previousSession, .nextSession:
                break
            }
            return true
        }
    }

    private mutating func jump(toHitAfter line: Int, forward: Bool) {
        let hits = self.hits
        guard !hits.isEmpty else {
            status = query.isEmpty ? nil : StatusLine("‘\(query)’ not found")
            return
        }
        let target = forward ? hits.first { $0 > line } ?? hits[0] : hits.last { $0 < line } ?? hits[hits.count - 1]
        top = target
        let index = (hits.firstIndex(of: target) ?? 0) + 1
        status = StatusLine("‘\(query)’: hit \(index) of \(hits.count)")
    }

    public var helpLines: [(String, String)] {
        HelpOverlay.section("Reading", keys.reader) + HelpOverlay.section("Searching", keys.editing)
            + HelpOverlay.mouse(wheel: "scrolls a line a notch", click: "in the contents, selects a heading; a second click goes there")
            + HelpOverlay.footer(keys)
    }

    public func render(_ size: TerminalSize, into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        let total = Int(Double(progress?.estimatedLineCount ?? 0) / shareOfWhole)
        let position = total == 0 ? "" : " \(min(100, (top + height - 2) * 100 / max(1, total)))% "
        frame.titleBar(" " + title, limit: width - position.count - 1)
        frame.put(position, row: 0, column: width - position.count, style: Style(role: .accent, reverse: true))
        let bodyRows = height - 2
        if case .contents(let selected) = mode {
            frame.put("Contents", row: 1, column: 1, style: .heading)
            let list = frame.bounds.inset(left: 2, right: 1, top: 2, bottom: 1)
            ListView(noun: ("heading", "headings"), keys: keys.listMarks).draw(count: headings.count, focus: .selected(selected), into: &frame, in: list) { index in
                let heading = headings[index]
                return [ListRow(String(repeating: "  ", count: max(0, heading.level - 1)) + heading.title)]
            }
        } else {
            for (offset, line) in lines.dropFirst(top).prefix(bodyRows).enumerated() {
                var column = 1
                for span in line.spans {
                    column += frame.put(span.text, row: 1 + offset, column: column, style: span.style)
                }
                highlightHits(in: line.text, row: 1 + offset, into: &frame)
            }
        }
        if case .help(let offset) = mode { HelpOverlay.draw(into: &frame, lines: helpLines, offset: offset, keys: keys) }
        switch mode {
        case .searching(let field):
            let used = frame.put(" /", row: height - 1, column: 0, style: .key)
            let row = field.row(width: width - used - 1)
            frame.put(row.text, row: height - 1, column: used)
            frame.cursor = (height - 1, used + row.cursorColumn)
        default:
            if let status {
                status.draw(into: &frame, in: frame.bounds.row(-1))
            } else {
                frame.hintLine(KeyMap.hints(keys.reader), row: height - 1)
            }
        }
    }

    /// Marks each occurrence of the query on a line, measured in columns from the line's start.
    private func highlightHits(in text: String, row: Int, into frame: inout Frame) {
        for range in text.occurrences(of: query) {
            let start = 1 + DisplayWidth.of(text[..<range.lowerBound])
            frame.fill(row: row, from: start, to: start + DisplayWidth.of(text[range]), style: .selected)
        }
    }
}
