import ConveneCore
import Foundation

/// What the review list asks its scene to do.
public enum ReviewEffect: Equatable, Sendable {
    /// Find the places that say `query` (the results come back as `.found`).
    case search(String)
    /// Open the reader on a session's notes, at the first place that says `query`, if any.
    case read(folder: String, query: String)
    /// Open the reader on the open questions and actions of a session's series.
    case readOpenQuestions(folder: String)
    /// Find the archive's own spelling of a query that found nothing (`.suggested` answers).
    case suggest(String)
    case close
}

/// How a review effect turned out.
public enum ReviewOutcome: Equatable, Sendable {
    case found(query: String, hits: [SearchHit])
    /// What to search for instead of `query`, which found nothing; nil when nothing is near.
    case suggested(query: String, instead: String?)
    case notRead(String)
}

/// `convene review`: saved sessions, filtered as you type by what they say.
public struct ReviewListScreen: Screen {
    public private(set) var query = TextField(allowsLineBreaks: false)
    public private(set) var selection = 0
    public private(set) var status: StatusLine?
    /// The places the current query was found, once the search has answered.
    public private(set) var hits: [SearchHit] = []
    /// The archive's spelling of a query that found nothing, once asked for (leaving the field).
    public private(set) var suggestion: (query: String, instead: String?)?
    /// Whether the search field has the keys (after `/`); otherwise the list has them, and `q`
    /// closes as on every other screen.
    public private(set) var isSearching = false
    public static let minimumSize = (width: 40, height: 8)

    /// The list's keys, and the search field's.
    public let keys: KeyMap

    public init(keys: KeyMap = .standard, searching: Bool = false) {
        self.keys = keys
        isSearching = searching
    }

    /// The rows on screen: every session while the query is empty, else the hits.
    public func rows(sessions: [SessionSummary]) -> Int {
        query.isBlank ? sessions.count : hits.count
    }

    /// The world is the sessions listed.
    public mutating func update(_ message: Message<ReviewOutcome>, in sessions: [SessionSummary]) -> [ReviewEffect] {
        switch message {
        case .key(let key): return handle(key, sessions: sessions)
        case .outcome(.found(let query, let hits)):
            // A search answered after the query changed again is stale.
            if query == searchText { self.hits = hits }
        case .outcome(.suggested(let query, let instead)):
            if query == searchText { suggestion = (query, instead) }
        case .outcome(.notRead(let problem)): status = StatusLine(problem, isError: true)
        case .tick, .resize, .returned: break
        }
        return []
    }

    private var searchText: String { query.text.trimmingCharacters(in: .whitespaces) }

    private mutating func handle(_ key: Key, sessions: [SessionSummary]) -> [ReviewEffect] {
        let count = rows(sessions: sessions)
        if case .click(let target) = key {
            // A click selects a session or a place; a click on the one selected reads it, as Enter does.
            guard case .entry(let index) = target, index < count else { return [] }
            if index == selection { return readSelected(sessions: sessions) }
            selection = index
            return []
        }
        guard let action = KeyMap.action(for: key, in: isSearching ? keys.reviewSearching : keys.review) else {
            guard isSearching else {
                status = StatusLine("\(key.label) does nothing here; \(KeyMap.label(of: .search, in: keys.review)) searches, "
                    + "\(KeyMap.label(of: .close, in: keys.review)) closes")
                return []
            }
            let before = searchText
            query.edit(with: key)
            guard searchText != before else { return [] }
            selection = 0
            hits = []
            suggestion = nil
            return searchText.isEmpty ? [] : [.search(searchText)]
        }
        status = nil
        switch action {
        case .search:
            isSearching = true
        case .close:
            return [.close]
        case .doneSearching:
            isSearching = false
            return suggestionIfNothingFound()
        case .clearOrClose:
            if query.isBlank { return [.close] }
            query = TextField(allowsLineBreaks: false)
            hits = []
            selection = 0
        case .selectPrevious: selection = max(0, selection - 1)
        case .selectNext: selection = min(max(0, count - 1), selection + 1)
        case .pageUp: selection = max(0, selection - 10)
        case .pageDown: selection = min(max(0, count - 1), selection + 10)
        case .openQuestions:
            let grouped = Self.grouped(sessions)
            if query.isBlank, grouped.indices.contains(selection) { return [.readOpenQuestions(folder: grouped[selection].folder)] }
        case .read:
            // Back from the reader, the list has the keys again: q closes it, as everywhere.
            isSearching = false
            return readSelected(sessions: sessions) + suggestionIfNothingFound()
        }
        return []
    }

    /// Asked for once the field is left with a query that found nothing: looking through every
    /// word of the archive for the nearest spelling is for a search that is finished, not each key.
    private func suggestionIfNothingFound() -> [ReviewEffect] {
        guard !query.isBlank, hits.isEmpty, suggestion?.query != searchText else { return [] }
        return [.suggest(searchText)]
    }

    /// Opens the session selected, or the one with the place selected, in the reader.
    private func readSelected(sessions: [SessionSummary]) -> [ReviewEffect] {
        let grouped = Self.grouped(sessions)
        if query.isBlank, grouped.indices.contains(selection) { return [.read(folder: grouped[selection].folder, query: "")] }
        if !query.isBlank, hits.indices.contains(selection) { return [.read(folder: hits[selection].folder, query: searchText)] }
        return []
    }



    /// Sessions grouped by series (the series with the newest session first), newest first within
    /// each; sessions in no series stand alone, in date order among the groups.
    static func grouped(_ sessions: [SessionSummary]) -> [SessionSummary] {
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

    /// A hit on one row of a screen `width` wide: where it is, muted, then the excerpt with the
    /// query's words marked. Only the title gives way on a narrow terminal; the excerpt is shown
    /// from a little before the first word found, so the words found are always in view.
    private func hitSpans(_ hit: SearchHit, width: Int) -> [Span] {
        let head = TextLayout.truncate("\(hit.date)  \(TextLayout.truncate(hit.title, to: max(10, width / 4))) · \(hit.place): ", to: width / 2 + 10)
        let words = query.text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).map(String.init)
        let excerpt = Self.window(of: hit.excerpt, showing: words, room: width - DisplayWidth.of(head) - 4)
        var spans = [Span(head, Style(role: .muted, dim: true))]
        var shown = excerpt.startIndex
        for range in Self.ranges(of: words, in: excerpt) where range.lowerBound >= shown {
            spans.append(Span(String(excerpt[shown..<range.lowerBound])))
            spans.append(Span(String(excerpt[range]), Style(role: .warning, bold: true, reverse: true)))
            shown = range.upperBound
        }
        spans.append(Span(String(excerpt[shown...])))
        return spans
    }

    /// `excerpt` cut to `room` columns, starting a few characters before the first of `words`
    /// when from its start that word would be cut off.
    static func window(of excerpt: String, showing words: [String], room: Int) -> String {
        guard let first = ranges(of: words, in: excerpt).first,
              DisplayWidth.of(String(excerpt[..<first.upperBound])) >= room else { return TextLayout.truncate(excerpt, to: room) }
        let lead = excerpt.index(first.lowerBound, offsetBy: -min(12, excerpt.distance(from: excerpt.startIndex, to: first.lowerBound)))
        return TextLayout.truncate("…" + excerpt[lead...], to: room)
    }

    /// Where `words` stand in `text`, in order, ignoring case and accents as search does.
    static func ranges(of words: [String], in text: String) -> [Range<String.Index>] {
        words.flatMap { text.occurrences(of: $0) }.sorted { $0.lowerBound < $1.lowerBound }
    }

    public func render(_ sessions: [SessionSummary], into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        frame.titleBar(" Convene · review (read-only)")
        let used = frame.put(" Search: ", row: 1, column: 0, style: .key)
        let queryRow = query.row(width: width - used - 1)
        frame.put(queryRow.text, row: 1, column: used)
        if isSearching { frame.cursor = (1, used + queryRow.cursorColumn) }
        let list = frame.bounds.inset(left: 1, right: 1, top: 3, bottom: 2)
        if query.isBlank {
            if sessions.isEmpty { frame.put("No sessions yet.", row: 3, column: 2, style: .muted) }
            let grouped = Self.grouped(sessions)
            ListView(noun: ("session", "sessions"), keys: keys.listMarks).draw(count: grouped.count, focus: .selected(selection), into: &frame, in: list) { index in
                let listing = grouped[index]
                // The series' newest session carries what the series left open: said on its row.
                let newestOfSeries = index == 0 || grouped[index - 1].series != listing.series
                let open = listing.series != nil && newestOfSeries && listing.open > 0 ? " · \(listing.open) open" : ""
                let series = listing.series.map { "◆ " + TextLayout.truncate($0, to: 20) + open } ?? ""
                let line = TextLayout.pad(listing.date, to: 12) + TextLayout.pad(listing.title, to: max(20, width - 64)) + " "
                    + TextLayout.pad(listing.kind, to: 14) + " " + series
                return [ListRow(line, indent: 1)]
            }
        } else {
            let instead = suggestion.flatMap { $0.query == searchText ? $0.instead : nil }.map { "; did you mean ‘\($0)’?" } ?? ""
            let summary = hits.isEmpty ? "No session says ‘\(query.text)’\(instead)"
                : "\(Counted.phrase(hits.count, "place")) in \(Counted.phrase(Set(hits.map(\.folder)).count, "session"))"
            frame.put(summary, row: 2, column: 2, style: .muted)
            ListView(noun: ("place", "places"), keys: keys.listMarks).draw(count: hits.count, focus: .selected(selection), into: &frame, in: list) { index in
                [ListRow(spans: hitSpans(hits[index], width: width), indent: 1)]
            }
        }
        status?.draw(into: &frame, in: frame.bounds.row(-2))
        frame.hintLine(isSearching ? [("type", "to search")] + KeyMap.hints(keys.reviewSearching) : KeyMap.hints(keys.review),
                       row: height - 1)
    }
}
