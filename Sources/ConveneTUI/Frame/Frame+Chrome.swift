/// What every screen draws the same way: its title bar, its hint line, and a boxed 2×2.
extension Frame {
    /// The accent bar every screen starts with, `title` in bold at its left (within `limit` columns).
    mutating func titleBar(_ title: String, limit: Int? = nil) {
        fill(row: 0, style: Style(role: .accent, reverse: true))
        // A title longer than its room ends in "…", so a cut is never taken for the whole title.
        put(TextLayout.truncate(title, to: max(0, limit ?? width)), row: 0, column: 0, style: Style(role: .accent, bold: true, reverse: true))
    }

    /// "? help  q quit  a add …": each key, then what it does, as many whole hints as fit on `row`
    /// (a hint is never cut: "T them" helps no one).
    mutating func hintLine(_ hints: [(key: String, text: String)], row: Int, from start: Int = 0) {
        var column = start + 1
        for (index, hint) in hints.enumerated() {
            // Room for this hint, and for the "…" that says more keys follow, unless it is the last.
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.text) + (index == hints.count - 1 ? 0 : 2)
            guard column + needed <= width else {
                // The keys that do not fit are not dropped in silence: "…" says there are more (? lists them).
                put("…", row: row, column: min(column, width - 1), style: .muted)
                return
            }
            column += put(hint.key, row: row, column: column, style: .key)
            column += put(" " + hint.text, row: row, column: column, style: .muted) + 2
        }
    }

    /// A line box around the edge of `rect`, `title` set into its top line.
    mutating func box(_ rect: Rect, title: String = "") {
        guard rect.width >= 2, rect.height >= 2 else { return }
        put("┌" + String(repeating: "─", count: rect.width - 2) + "┐", row: rect.y, column: rect.x, style: .muted)
        for row in (rect.y + 1)..<(rect.bottom - 1) {
            put("│", row: row, column: rect.x, style: .muted)
            put("│", row: row, column: rect.right - 1, style: .muted)
        }
        put("└" + String(repeating: "─", count: rect.width - 2) + "┘", row: rect.bottom - 1, column: rect.x, style: .muted)
        if !title.isEmpty { put(title, row: rect.y, column: rect.x + 2, style: .heading, limit: rect.width - 4) }
    }

    /// A box `width` × `height` at (`top`, `left`) divided into four by a cross, drawn with line
    /// characters; returns the column and row of the cross.
    @discardableResult
    mutating func crossedBox(left: Int, top: Int, width: Int, height: Int) -> (x: Int, y: Int) {
        let right = left + width - 1
        let bottom = top + height - 1
        let middle = (x: left + 1 + (width - 2) / 2, y: top + 1 + (height - 2) / 2)
        for y in top...bottom {
            for x in left...right {
                let character: String? = switch (x == left || x == right, y == top || y == bottom) {
                case (true, true): x == left ? (y == top ? "┌" : "└") : (y == top ? "┐" : "┘")
                case (true, false): y == middle.y ? (x == left ? "├" : "┤") : "│"
                case (false, true): x == middle.x ? (y == top ? "┬" : "┴") : "─"
                default: x == middle.x && y == middle.y ? "┼" : x == middle.x ? "│" : y == middle.y ? "─" : nil
                }
                if let character { put(character, row: y, column: x, style: .muted) }
            }
        }
        return middle
    }
}

extension Frame {
    /// A quadrant's label on a 2×2, `room` columns from `column` on `row`, where the contexts'
    /// numbers at `markers` (columns on that row) must stay readable: cut with "…" before the first
    /// number when there is room for a word, else started after the last one.
    mutating func putLabel(_ text: String, row: Int, column: Int, room: Int, around markers: [Int], style: Style) {
        var (start, width) = (column, room)
        let inTheWay = markers.filter { $0 >= column && $0 < column + room }.sorted()
        if let first = inTheWay.first, let last = inTheWay.last {
            (start, width) = first - column >= 4 ? (column, first - column - 1) : (last + 2, column + room - last - 2)
        }
        put(TextLayout.truncate(text, to: width), row: row, column: start, style: style)
    }
}

