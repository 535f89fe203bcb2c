/// One row of an entry in a list: its text in spans, where the text starts, and an optional lead
/// (a point's kind tag) drawn at the left edge in its own style.
struct ListRow {
    var spans: [Span]
    /// The column, within the list, where the text starts.
    var indent: Int
    var lead: Span?
    /// Whether the row shows selected when its entry is: a theme's heading above a point does not.
    var highlights: Bool

    init(_ text: String, style: Style = .plain, indent: Int = 0, lead: Span? = nil, highlights: Bool = true) {
        self.init(spans: [Span(text, style)], indent: indent, lead: lead, highlights: highlights)
    }

    init(spans: [Span], indent: Int = 0, lead: Span? = nil, highlights: Bool = true) {
        self.spans = spans
        self.indent = indent
        self.lead = lead
        self.highlights = highlights
    }
}

/// The one list of every screen: points, agenda, attendees, findings, contexts, sessions, hits,
/// help. Entries may be several rows tall. Only the entries that can show are laid out, from the
/// one in focus outwards, so a frame costs the same with ten entries or ten thousand. When the
/// entries overflow, the list's first and last rows say how many are out of view ("↑ 3 more
/// points · k"); they are rows of their own and never cover text.
struct ListView {
    /// Which entry the list is scrolled to.
    enum Focus: Equatable {
        /// Keep this entry in view, as low as the entries above it allow (the selection).
        case selected(Int)
        /// Start from this entry at the top (a scrolled text such as help).
        case top(Int)
        /// The last entry at the bottom, nothing selected (the newest points of a followed session).
        case newest
    }

    /// What the markers call the entries: ("point", "points").
    var noun: (one: String, many: String)
    /// The keys that scroll, named in the markers (`KeyMap.listMarks`); none for a list that only shows.
    var keys: (up: String, down: String)?
    /// What a click on an entry's rows selects: by default the entry's index.
    var target: (Int) -> ClickTarget? = { .entry($0) }

    /// Draws entries `0..<count` into `rect`; `rows(index)` lays one entry out for `rect.width`.
    /// Returns the entries with at least a row on screen.
    @discardableResult
    func draw(count: Int, focus: Focus, into frame: inout Frame, in rect: Rect, rows: (Int) -> [ListRow]) -> Range<Int> {
        guard count > 0, !rect.isEmpty else { return 0..<0 }
        var area = rect
        var window = Window(count: count, focus: focus, visibleRows: area.height, rows: rows)
        let overflows = window.firstEntry > 0 || window.endEntry < count || window.rows.count > area.height
        if overflows && rect.height >= 3 {
            area = rect.inset(top: 1, bottom: 1)
            window = Window(count: count, focus: focus, visibleRows: area.height, rows: rows)
        }
        let selected: Int? = if case .selected(let index) = focus { index } else { nil }
        let visible = window.rows.dropFirst(window.firstRow).prefix(area.height)
        for (offset, row) in visible.enumerated() {
            let y = area.y + offset
            let isSelected = row.row.highlights && row.entry == selected
            if let target = target(row.entry) { frame.mark(area.row(offset), target) }
            if let lead = row.row.lead { frame.put(lead.text, row: y, column: area.x, style: lead.style, limit: area.width) }
            if isSelected { frame.fill(row: y, from: area.x + max(0, row.row.indent - 1), to: area.right, style: .selected) }
            var column = area.x + row.row.indent
            var spans = row.row.spans
            // A row of one span that does not fit ends in "…" on a word boundary, never mid-word.
            if spans.count == 1 { spans[0].text = TextLayout.truncate(spans[0].text, to: area.right - column) }
            for span in spans {
                // On the selected row a mark already shown reversed (a search hit) keeps its style.
                let style = isSelected && !span.style.reverse ? Style.selected : span.style
                column += frame.put(span.text, row: y, column: column, style: style, limit: area.right - column)
            }
        }
        let shown = (visible.first?.entry ?? 0)..<((visible.last?.entry ?? 0) + 1)
        guard overflows && rect.height >= 3 else { return shown }
        let above = shown.lowerBound
        let below = count - shown.upperBound
        if above > 0 { frame.put(marker("↑", above, key: keys?.up), in: rect, row: 0, style: Style(role: .muted)) }
        if below > 0 { frame.put(marker("↓", below, key: keys?.down), in: rect, row: rect.height - 1, style: Style(role: .muted)) }
        return shown
    }

    private func marker(_ arrow: String, _ count: Int, key: String?) -> String {
        "\(arrow) \(count) more \(count == 1 ? noun.one : noun.many)" + (key.map { " · \($0)" } ?? "")
    }

    /// The rows around the focus that fill `visibleRows`, the first of them to show, and the
    /// entries they were laid out from.
    private struct Window {
        var rows: [(row: ListRow, entry: Int)] = []
        var firstRow = 0
        var firstEntry = 0
        var endEntry = 0

        init(count: Int, focus: Focus, visibleRows: Int, rows layout: (Int) -> [ListRow]) {
            func laidOut(_ index: Int) -> [(row: ListRow, entry: Int)] { layout(index).map { ($0, index) } }
            switch focus {
            case .top(let start):
                var start = min(max(0, start), count - 1)
                var end = start
                while end < count && rows.count < visibleRows {
                    rows += laidOut(end)
                    end += 1
                }
                // At the end, earlier entries fill the rows that would be left empty, and the
                // bottom of what was laid out shows.
                var filledBack = false
                while start > 0 && rows.count < visibleRows {
                    start -= 1
                    rows.insert(contentsOf: laidOut(start), at: 0)
                    filledBack = true
                }
                (firstEntry, endEntry) = (start, end)
                firstRow = filledBack ? max(0, rows.count - visibleRows) : 0
            case .selected, .newest:
                let focused: Int = if case .selected(let index) = focus { min(max(0, index), count - 1) } else { count - 1 }
                rows = laidOut(focused)
                var focusEnd = rows.count // rows up to and including the focused entry
                var before = focused - 1
                while before >= 0 && focusEnd < visibleRows {
                    let earlier = laidOut(before)
                    rows.insert(contentsOf: earlier, at: 0)
                    focusEnd += earlier.count
                    before -= 1
                }
                // Below the focus, only what fills the rows left: whether more follows is known
                // from the entries not laid out.
                var after = focused + 1
                while after < count && rows.count < max(focusEnd, visibleRows) {
                    rows += laidOut(after)
                    after += 1
                }
                (firstEntry, endEntry) = (before + 1, after)
                firstRow = max(0, min(focusEnd - visibleRows, rows.count - visibleRows))
            }
        }
    }
}
