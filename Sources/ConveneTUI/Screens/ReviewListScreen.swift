import Foundation

/// A place a search found, as the review list shows it.
public struct ReviewHit: Equatable, Sendable {
    public var folder: String
    public var title: String
    public var date: String
    /// "title", or where in the record, e.g. "point 12 (Agreement)".
    public var place: String
    public var excerpt: String

    public init(folder: String, title: String, date: String, place: String, excerpt: String) {
        self.folder = folder
        self.title = title
        self.date = date
        self.place = place
        self.excerpt = excerpt
    }
}

/// What the review list needs from the store.
public protocol ReviewBackend: AnyObject {
    func listings() -> [SessionListing]
    func search(_ query: String) -> [ReviewHit]
    /// The session's title and notes as Markdown, read without the lock.
    func notes(of folder: String) throws -> (title: String, markdown: String)
    /// The open questions and actions of every session in `folder`'s series, as Markdown.
    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String)
}

/// `convene review`: saved sessions, filtered as you type by what they say.
public struct ReviewListScreen: Sendable {
    public private(set) var query = TextField(allowsLineBreaks: false)
    public private(set) var selection = 0
    public private(set) var status: String?

    public init() {}

    public enum Outcome: Equatable, Sendable {
        case stay
        case open(folder: String)
        case openQuestions(folder: String)
        case close
    }

    /// The rows on screen: every session while the query is empty, else the hits.
    public func rows(sessions: [SessionListing], hits: [ReviewHit]) -> Int {
        query.isBlank ? sessions.count : hits.count
    }

    public mutating func update(_ key: Key, sessions: [SessionListing], hits: [ReviewHit]) -> Outcome {
        let count = rows(sessions: sessions, hits: hits)
        switch key {
        case .escape:
            if query.isBlank { return .close }
            query = TextField(allowsLineBreaks: false)
            selection = 0
        case .up, .control("p"): selection = max(0, selection - 1)
        case .down, .control("n"): selection = min(max(0, count - 1), selection + 1)
        case .pageUp: selection = max(0, selection - 10)
        case .pageDown: selection = min(max(0, count - 1), selection + 10)
        case .control("o"):
            let grouped = Self.grouped(sessions)
            if query.isBlank, grouped.indices.contains(selection) { return .openQuestions(folder: grouped[selection].folder) }
        case .enter:
            let grouped = Self.grouped(sessions)
            if query.isBlank, grouped.indices.contains(selection) { return .open(folder: grouped[selection].folder) }
            if !query.isBlank, hits.indices.contains(selection) { return .open(folder: hits[selection].folder) }
        default:
            query.edit(with: key)
            selection = 0
        }
        return .stay
    }

    public mutating func report(_ text: String) { status = text }

    /// Sessions grouped by series (the series with the newest session first), newest first within
    /// each; sessions in no series stand alone, in date order among the groups.
    static func grouped(_ sessions: [SessionListing]) -> [SessionListing] {
        let newest = Dictionary(grouping: sessions) { $0.series ?? "\u{0}" + $0.folder }.mapValues { $0.map(\.date).max() ?? "" }
        return sessions.sorted { left, right in
            let leftKey = left.series ?? "\u{0}" + left.folder
            let rightKey = right.series ?? "\u{0}" + right.folder
            if leftKey != rightKey {
                return (newest[leftKey] ?? "", leftKey) > (newest[rightKey] ?? "", rightKey)
            }
            return left.date > right.date
        }
    }

    /// A hit on one row of a screen `width` wide: where it is, muted, then the excerpt with the query marked. Only the title
    /// gives way on a narrow terminal; the place and excerpt stay readable.
    private func hitSpans(_ hit: ReviewHit, width: Int) -> [Span] {
        let head = TextLayout.truncate("\(hit.date)  \(TextLayout.truncate(hit.title, to: max(10, width / 4))) · \(hit.place): ", to: width / 2 + 10)
        let excerpt = TextLayout.truncate(hit.excerpt, to: width - DisplayWidth.of(head) - 4)
        guard let range = excerpt.range(of: query.text, options: [.caseInsensitive, .diacriticInsensitive]) else {
            return [Span(head, Style(role: .muted, dim: true)), Span(excerpt)]
        }
        return [Span(head, Style(role: .muted, dim: true)), Span(String(excerpt[..<range.lowerBound])),
                Span(String(excerpt[range]), Style(role: .warning, bold: true, reverse: true)), Span(String(excerpt[range.upperBound...]))]
    }

    public func render(sessions: [SessionListing], hits: [ReviewHit], width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        guard width >= 40, height >= 8 else {
            TooSmallNotice.draw(into: &frame, minimum: (40, 8))
            return frame
        }
        frame.titleBar(" Convene · review (read-only)")
        let used = frame.put(" Search: ", row: 1, column: 0, style: .key)
        let queryRow = query.row(width: width - used - 1)
        frame.put(queryRow.text, row: 1, column: used)
        frame.cursor = (1, used + queryRow.cursorColumn)
        let list = frame.bounds.inset(left: 1, right: 1, top: 3, bottom: 2)
        if query.isBlank {
            if sessions.isEmpty { frame.put("No sessions yet.", row: 3, column: 2, style: .muted) }
            let grouped = Self.grouped(sessions)
            ListView(noun: ("session", "sessions")).draw(count: grouped.count, focus: .selected(selection), into: &frame, in: list) { index in
                let listing = grouped[index]
                let series = listing.series.map { "◆ " + TextLayout.truncate($0, to: 20) } ?? ""
                let line = TextLayout.pad(listing.date, to: 12) + TextLayout.pad(listing.title, to: width - 58) + " "
                    + TextLayout.pad(listing.kind, to: 14) + " " + series
                return [ListRow(line, indent: 1)]
            }
        } else {
            let summary = hits.isEmpty ? "No session says ‘\(query.text)’" : "\(hits.count) place(s) in \(Set(hits.map(\.folder)).count) session(s)"
            frame.put(summary, row: 2, column: 2, style: .muted)
            ListView(noun: ("place", "places")).draw(count: hits.count, focus: .selected(selection), into: &frame, in: list) { index in
                [ListRow(spans: hitSpans(hits[index], width: width), indent: 1)]
            }
        }
        if let status { frame.put(" " + status, row: height - 2, column: 0, style: .danger) }
        frame.hintLine([("type", "to search"), ("↑/↓", "select"), ("Enter", "read"), ("Ctrl-O", "open questions of its series"),
                        ("Esc", query.isBlank ? "close" : "clear")], row: height - 1)
        return frame
    }
}

/// The review list's loop; reading a session opens the reader on the same terminal.
public final class ReviewApp {
    private let terminal: any TerminalDevice
    private let backend: any ReviewBackend
    public private(set) var screen = ReviewListScreen()
    private var sessions: [SessionListing]
    private var hits: [ReviewHit] = []
    private var searched = ""

    public init(terminal: any TerminalDevice, backend: any ReviewBackend) {
        self.terminal = terminal
        self.backend = backend
        sessions = backend.listings()
    }

    public func run(shouldStop: () -> Bool = { false }) {
        draw()
        while !shouldStop() {
            guard let key = terminal.nextKey(timeoutMilliseconds: 1_000) else { continue }
            guard handle(key, shouldStop: shouldStop) else { return }
            draw()
        }
    }

    /// Returns false when the list closes.
    @discardableResult
    public func handle(_ key: Key, shouldStop: () -> Bool = { false }) -> Bool {
        switch screen.update(key, sessions: sessions, hits: hits) {
        case .close:
            return false
        case .open(let folder):
            do {
                let (title, markdown) = try backend.notes(of: folder)
                var reader = ReaderScreen(title: title, document: MarkdownDocument(parsing: markdown))
                reader.search(for: screen.query.text)
                ReaderApp(terminal: terminal, screen: reader).run(shouldStop: shouldStop)
            } catch {
                screen.report("\(error)")
            }
        case .openQuestions(let folder):
            do {
                let (title, markdown) = try backend.openQuestions(ofSeriesOf: folder)
                ReaderApp(terminal: terminal, screen: ReaderScreen(title: title, document: MarkdownDocument(parsing: markdown)))
                    .run(shouldStop: shouldStop)
            } catch {
                screen.report("\(error)")
            }
        case .stay:
            refreshHits()
        }
        return true
    }

    private func refreshHits() {
        let query = screen.query.text.trimmingCharacters(in: .whitespaces)
        guard query != searched else { return }
        searched = query
        hits = query.isEmpty ? [] : backend.search(query)
    }

    public func draw() {
        let size = terminal.size
        terminal.draw(screen.render(sessions: sessions, hits: hits, width: size.width, height: size.height))
    }
}
