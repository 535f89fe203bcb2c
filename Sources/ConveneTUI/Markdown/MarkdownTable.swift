/// A GitHub table laid out with box lines: columns as wide as their content, and when that is wider
/// than the terminal, the widest columns narrowed and their cells wrapped rather than cut.
struct MarkdownTable {
    var alignments: [MarkdownBlock.Alignment]
    var header: [[Span]]
    var rows: [[[Span]]]

    func lines(width: Int) -> [StyledLine] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ row: [[Span]], _ column: Int) -> [Span] { column < row.count ? row[column] : [] }
        let all = [header] + rows
        // Each column wants its widest cell and needs at least its longest word (up to 15 columns).
        // When the table is too wide, every column gets what it needs and the rest of the room is
        // shared in proportion to how much more each wants. Borders take 3 per column, plus 1.
        let natural = (0..<columns).map { column in
            max(3, all.map { row in cell(row, column).reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 3)
        }
        let needed = (0..<columns).map { column in
            min(natural[column], 15, max(3, all.flatMap { row in
                cell(row, column).flatMap { $0.text.split(separator: " ") }.map { DisplayWidth.of($0) }
            }.max() ?? 3))
        }
        let available = max(columns * 4, width - (columns * 3 + 1))
        var widths = natural
        if natural.reduce(0, +) > available {
            let room = available - needed.reduce(0, +)
            let wanted = zip(natural, needed).map { $0 - $1 }
            let totalWanted = max(1, wanted.reduce(0, +))
            widths = zip(needed, wanted).map { need, want in need + max(0, room) * want / totalWanted }
            // What rounding left over goes to the column that wanted most.
            if let keenest = wanted.indices.max(by: { wanted[$0] < wanted[$1] }) {
                widths[keenest] += max(0, available - widths.reduce(0, +))
            }
            // Still too wide (words longer than the room): narrow the widest until it fits.
            while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
                widths[widest] -= 1
            }
        }
        // Each column is padded by a space either side of its text.
        func border(_ rule: TableRule) -> StyledLine {
            StyledLine([Span(rule.text(columns: widths.map { $0 + 2 }), .muted)])
        }
        func render(_ row: [[Span]]) -> [StyledLine] {
            let wrapped = (0..<columns).map { WordWrap.lines(cell(row, $0), width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                var line = StyledLine([Span("│", .muted)])
                for column in 0..<columns {
                    let content = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : StyledLine()
                    let room = widths[column] - content.width
                    let (before, after): (Int, Int) = switch alignments.indices.contains(column) ? alignments[column] : .left {
                    case .left: (0, room)
                    case .right: (room, 0)
                    case .centre: (room / 2, room - room / 2)
                    }
                    line.spans.append(Span(String(repeating: " ", count: 1 + before)))
                    line.spans += content.spans
                    line.spans.append(Span(String(repeating: " ", count: after + 1)))
                    line.spans.append(Span("│", .muted))
                }
                return line
            }
        }
        var lines = [border(.top)] + render(header) + [border(.between)]
        for row in rows { lines += render(row) }
        return lines + [border(.bottom)]
    }
}
