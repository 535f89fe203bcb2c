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
        // Natural widths, then narrow the widest until the table fits: borders take columns + 1.
        var widths = (0..<columns).map { column in
            max(3, all.map { row in cell(row, column).reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 3)
        }
        let available = max(columns * 4, width - (columns * 3 + 1))
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
        }
        func border(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            StyledLine([Span(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, .muted)])
        }
        func render(_ row: [[Span]]) -> [StyledLine] {
            let wrapped = (0..<columns).map { wrap(cell(row, $0), width: widths[$0]) }
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
        var lines = [border("┌", "┬", "┐")] + render(header) + [border("├", "┼", "┤")]
        for row in rows { lines += render(row) }
        return lines + [border("└", "┴", "┘")]
    }
}
