import ConveneCore
import Synchronization

/// A divergence topic drawn as a table that fits the width: the dimensions' names in the first
/// column, one column per perspective, cells wrapped, the cursor's cell highlighted; then its
/// caveats and dilemmas, which the cursor reaches too (rows after the last dimension).
struct DivergenceTable {
    var topic: DivergenceTopic
    /// Row -1 is the header (its column -1 the row header in the top-left cell), column -1 the
    /// dimensions' names; rows from `dimensions.count` on are the caveats, then the dilemmas. Above
    /// the table, `descriptionRow` is the lead-in and `titleRow` the topic's title.
    var cursor: (row: Int, column: Int)?

    static let titleRow = -3
    static let descriptionRow = -2
    var position: String
    /// The key that adds a perspective, as the empty table names it (the live screen's; none where
    /// the table is only read).
    var perspectiveKey: String? = nil

    /// What the table has drawn: the frame, as tall as it needs, the cursor's line, and the line
    /// where each caveat and dilemma starts (to say what lies out of view).
    struct Drawn: Sendable {
        var frame: Frame
        var cursorLine: Int
        /// The last line of what the cursor is on (a wrapped row, caveat or dilemma).
        var cursorEnd: Int
        var caveatLines: [Int]
        var dilemmaLines: [Int]
    }

    /// What a layout depends on, to reuse the last one.
    private struct Key: Equatable {
        var topic: DivergenceTopic
        var cursorRow: Int?
        var cursorColumn: Int?
        var position: String
        var perspectiveKey: String?
        var width: Int
    }

    /// The last table laid out. The live screen draws a frame for every key and clock tick, and
    /// laying out a 6×6 table with its caveats and dilemmas costs milliseconds; typing in one of its
    /// prompts changes none of that. One entry: only one table is on screen at a time.
    private static let lastDrawn = Mutex<(key: Key, drawn: Drawn)?>(nil)

    /// Draws into a frame of `width` columns as tall as it needs (or returns the same layout as last time).
    func draw(width: Int) -> Drawn {
        let key = Key(topic: topic, cursorRow: cursor?.row, cursorColumn: cursor?.column, position: position, perspectiveKey: perspectiveKey, width: width)
        if let cached = Self.lastDrawn.withLock({ $0 }), cached.key == key { return cached.drawn }
        let drawn = layOut(width: width)
        Self.lastDrawn.withLock { $0 = (key, drawn) }
        return drawn
    }

    private func layOut(width: Int) -> Drawn {
        var pieces: [Piece] = []
        var marks: [(area: Rect, target: ClickTarget)] = []
        var cursorLine = 0
        var cursorEnd = 0
        func add(_ text: String, at line: Int, column: Int, style: Style) {
            pieces.append(Piece(line: line, column: column, text: text, style: style))
        }
        /// Lines `from..<to` select what the cursor reaches as (`row`, `column`) when clicked.
        func mark(lines: Range<Int>, row: Int, column: Int = 0, left: Int = 0, width markWidth: Int = width) {
            marks.append((Rect(x: left, y: lines.lowerBound, width: markWidth, height: lines.count), .cell(row: row, column: column)))
        }

        let titleSelected = cursor?.row == Self.titleRow
        add("◆ " + topic.title + (position.isEmpty ? "" : "  " + position), at: 0, column: 0, style: titleSelected ? .selected : .heading)
        mark(lines: 0..<1, row: Self.titleRow)
        var line = 1
        let leadInSelected = cursor?.row == Self.descriptionRow
        if leadInSelected { cursorLine = line }
        if topic.description.isEmpty {
            add("(no lead-in: e here writes the paragraph before the table)", at: line, column: 2, style: leadInSelected ? .selected : .muted)
            line += 1
        } else {
            for text in TextLayout.wrap(topic.description, width: width - 2) {
                add(text, at: line, column: 2, style: leadInSelected ? .selected : .plain)
                line += 1
            }
        }
        if leadInSelected { cursorEnd = line - 1 }
        mark(lines: 1..<line, row: Self.descriptionRow)
        line += 1
        guard !topic.perspectives.isEmpty else {
            // A new topic opens the field for its first column at once: the words here must not send
            // a `P` into that field as the column's name.
            let again = perspectiveKey.map { " (\($0) opens it again)" } ?? ""
            add("No perspective yet: the first column's name goes in the field below\(again).", at: line, column: 2, style: .muted)
            return Drawn(frame: Self.render(pieces, marks: marks, width: width), cursorLine: 0, cursorEnd: 0, caveatLines: [], dilemmaLines: [])
        }
        let count = topic.perspectives.count
        let nameWidth = min(22, max(10, width / 5))
        let cellWidth = max(6, (width - nameWidth - count - 2) / count)
        let edges = [0, nameWidth + 1] + (1...count).map { nameWidth + 1 + $0 * (cellWidth + 1) }

        let columnWidths = [nameWidth] + Array(repeating: cellWidth, count: count)
        func border(_ rule: TableRule) -> String { rule.text(columns: columnWidths) }
        func row(_ texts: [String], styles: [Style], tableRow: Int) {
            let wrapped = texts.enumerated().map { index, text in
                TextLayout.wrap(text, width: (index == 0 ? nameWidth : cellWidth) - 2) // a space each side
            }
            let height = max(1, wrapped.map(\.count).max() ?? 1)
            for offset in 0..<height {
                for edge in edges { add("│", at: line + offset, column: edge, style: .muted) }
                for (index, cellLines) in wrapped.enumerated() {
                    let left = edges[index] + 1
                    let text = offset < cellLines.count ? cellLines[offset] : ""
                    let padded = TextLayout.pad(" " + text, to: (index == 0 ? nameWidth : cellWidth))
                    add(padded, at: line + offset, column: left, style: styles[index])
                }
            }
            for index in texts.indices {
                mark(lines: line..<(line + height), row: tableRow, column: index - 1, left: edges[index] + 1,
                     width: index == 0 ? nameWidth : cellWidth)
            }
            line += height
        }
        func style(row: Int, column: Int, base: Style) -> Style {
            guard let cursor, cursor.row == row, cursor.column == column else { return base }
            return .selected
        }
        add(border(.top), at: line, column: 0, style: .muted)
        line += 1
        if cursor?.row == -1 { cursorLine = line }
        row([topic.rowHeader] + topic.perspectives.map { $0.isEmpty ? "—" : $0 }, styles: [style(row: -1, column: -1, base: .heading)]
            + (0..<count).map { style(row: -1, column: $0, base: .heading) }, tableRow: -1)
        if cursor?.row == -1 { cursorEnd = line - 1 }
        for (index, dimension) in topic.dimensions.enumerated() {
            add(border(.between), at: line, column: 0, style: .muted)
            line += 1
            if cursor?.row == index { cursorLine = line }
            row([dimension] + (0..<count).map { topic.cell(row: index, column: $0) },
                styles: [style(row: index, column: -1, base: .heading)] + (0..<count).map { style(row: index, column: $0, base: .plain) },
                tableRow: index)
            if cursor?.row == index { cursorEnd = line - 1 }
        }
        add(border(.bottom), at: line, column: 0, style: .muted)
        line += 2
        var caveatLines: [Int] = []
        var dilemmaLines: [Int] = []
        let below = cursor.map { $0.row - topic.dimensions.count } ?? -1
        if !topic.caveats.isEmpty {
            add("Caveats", at: line, column: 0, style: .heading)
            line += 1
            for (index, caveat) in topic.caveats.enumerated() {
                caveatLines.append(line)
                if below == index { cursorLine = line }
                for (offset, text) in TextLayout.wrap(caveat, width: width - 4).enumerated() {
                    add((offset == 0 ? "• " : "  ") + text, at: line, column: 1, style: below == index ? .selected : .plain)
                    line += 1
                }
                if below == index { cursorEnd = line - 1 }
                mark(lines: caveatLines[index]..<line, row: topic.dimensions.count + index)
            }
            line += 1
        }
        if !topic.dilemmasLeadIn.isEmpty {
            for text in TextLayout.wrap(topic.dilemmasLeadIn, width: width - 2) {
                add(text, at: line, column: 0, style: .plain)
                line += 1
            }
            line += 1
        }
        if !topic.dilemmas.isEmpty {
            add("Dilemmas", at: line, column: 0, style: .heading)
            line += 1
            for (index, dilemma) in topic.dilemmas.enumerated() {
                let selected = below == topic.caveats.count + index
                dilemmaLines.append(line)
                if selected { cursorLine = line }
                for (offset, text) in TextLayout.wrap(dilemma.title, width: width - 4).enumerated() {
                    add((offset == 0 ? "• " : "  ") + text, at: line, column: 1, style: selected ? .selected : Style(bold: true))
                    line += 1
                }
                for text in TextLayout.wrap(dilemma.text, width: width - 4) where !dilemma.text.isEmpty {
                    add("  " + text, at: line, column: 1, style: .plain)
                    line += 1
                }
                if selected { cursorEnd = line - 1 }
                mark(lines: dilemmaLines[index]..<line, row: topic.dimensions.count + topic.caveats.count + index)
            }
        }
        return Drawn(frame: Self.render(pieces, marks: marks, width: width), cursorLine: cursorLine, cursorEnd: max(cursorLine, cursorEnd),
                     caveatLines: caveatLines, dilemmaLines: dilemmaLines)
    }

    /// Text placed at a line and column of the table's own tall frame.
    private struct Piece {
        var line: Int
        var column: Int
        var text: String
        var style: Style
    }

    private static func render(_ pieces: [Piece], marks: [(area: Rect, target: ClickTarget)], width: Int) -> Frame {
        var frame = Frame(width: width, height: (pieces.map(\.line).max() ?? 0) + 1)
        for piece in pieces {
            frame.put(piece.text, row: piece.line, column: piece.column, style: piece.style)
        }
        for (area, target) in marks { frame.mark(area, target) }
        return frame
    }
}
