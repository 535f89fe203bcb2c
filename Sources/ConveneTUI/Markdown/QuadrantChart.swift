/// A Mermaid `quadrantChart` (as the notes carry the context assessment) drawn for the terminal: a
/// 2×2 with the quadrants' labels, the contexts numbered where they sit, and a legend.
struct QuadrantChart {
    var xAxis: String
    var yAxis: String
    /// Mermaid's numbering: 1 top right, 2 top left, 3 bottom left, 4 bottom right.
    var quadrants: [Int: String] = [:]
    var points: [(name: String, x: Double, y: Double)] = []

    /// Reads the chart, or nil when the block is some other Mermaid diagram. A point is placed only
    /// with two finite coordinates from 0 to 1, as Mermaid requires; others are left off the chart.
    init?(mermaid source: String) {
        let lines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "quadrantChart" else { return nil }
        xAxis = ""
        yAxis = ""
        for line in lines.dropFirst() {
            if line.hasPrefix("x-axis ") { xAxis = Self.axis(line.dropFirst(7)) }
            else if line.hasPrefix("y-axis ") { yAxis = Self.axis(line.dropFirst(7)) }
            else if line.hasPrefix("quadrant-"), let number = Int(String(line.dropFirst(9).prefix(1))), (1...4).contains(number) {
                quadrants[number] = Self.unquoted(line.dropFirst(10))
            } else if let point = Self.point(line) {
                points.append(point)
            }
        }
    }

    /// `name: [x, y]`, the name bare or in quotes.
    private static func point(_ line: String) -> (name: String, x: Double, y: Double)? {
        guard line.hasSuffix("]"), let open = line.lastIndex(of: "["),
              let colon = line[..<open].lastIndex(of: ":") else { return nil }
        let coordinates = line[line.index(after: open)..<line.index(before: line.endIndex)]
            .split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard coordinates.count == 2, coordinates.allSatisfy({ $0.isFinite && (0...1).contains($0) }) else { return nil }
        return (unquoted(line[..<colon]), coordinates[0], coordinates[1])
    }

    private static func axis(_ text: Substring) -> String {
        text.components(separatedBy: "-->").map { unquoted(Substring($0)) }.joined(separator: " → ")
    }

    private static func unquoted(_ text: Substring) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }

    func lines(width: Int) -> [StyledLine] {
        let gridWidth = min(61, max(21, width - 2)) | 1
        let inner = (width: gridWidth - 2, height: 13)
        var frame = Frame(width: gridWidth, height: inner.height + 2)
        let middle = frame.crossedBox(left: 0, top: 0, width: gridWidth, height: frame.height)
        let half = inner.width / 2 - 1
        let markers = points.map { point in
            (row: 1 + Int(((1 - point.y) * Double(inner.height - 1)).rounded()), column: 1 + Int((point.x * Double(inner.width - 1)).rounded()))
        }
        // The labels go around the numbers on their rows, never under them.
        let place = { (number: Int, row: Int, column: Int) in
            frame.putLabel(quadrants[number] ?? "", row: row, column: column, room: half,
                           around: markers.filter { $0.row == row }.map(\.column), style: .muted)
        }
        place(2, 1, 1)
        place(1, 1, middle.x + 1)
        place(3, inner.height, 1)
        place(4, inner.height, middle.x + 1)
        for (index, marker) in markers.enumerated() {
            frame.put(index < 9 ? String(index + 1) : "•", row: marker.row, column: marker.column, style: .heading)
        }
        var lines = [StyledLine([Span("↑ " + yAxis, .muted)])]
        lines += (0..<frame.height).map { row in Self.line(of: frame, row: row) }
        lines.append(StyledLine([Span("  " + xAxis, .muted)]))
        for (index, point) in points.enumerated() {
            lines.append(StyledLine([Span("\(index < 9 ? String(index + 1) : "•") ", .heading), Span(point.name)]))
        }
        return lines
    }

    /// One row of a frame as styled spans, merging neighbouring cells of one style.
    private static func line(of frame: Frame, row: Int) -> StyledLine {
        var line = StyledLine()
        for column in 0..<frame.width where !frame[row, column].isContinuation {
            let cell = frame[row, column]
            if let last = line.spans.last, last.style == cell.style {
                line.spans[line.spans.count - 1].text.append(cell.character)
            } else {
                line.spans.append(Span(String(cell.character), cell.style))
            }
        }
        return line
    }
}
