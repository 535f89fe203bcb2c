/// The `?` overlay: every key, read from the key tables.
enum HelpOverlay {
    static func draw(into frame: inout Frame) {
        var lines: [(String, String)] = [("", "Live session")]
        lines += KeyMap.live.map { ($0.label, $0.help) }
        lines.append(("", ""))
        lines.append(("", "While typing a point"))
        lines += KeyMap.compose.map { ($0.label, $0.help) }
        lines.append(("", ""))
        lines.append(("", "Naming a theme"))
        lines += KeyMap.prompt.map { ($0.label, $0.help) }
        lines.append(("", ""))
        lines.append(("", "Any key closes this help."))

        let width = min(frame.width - 4, 76)
        let height = min(frame.height - 2, lines.count + 2)
        let left = (frame.width - width) / 2
        let top = (frame.height - height) / 2
        for row in top..<(top + height) {
            frame.put(String(repeating: " ", count: width), row: row, column: left)
        }
        frame.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: .muted)
        frame.put(" Keys ", row: top, column: left + 2, style: .heading)
        for row in (top + 1)..<(top + height - 1) {
            frame.put("│", row: row, column: left, style: .muted)
            frame.put("│", row: row, column: left + width - 1, style: .muted)
        }
        frame.put("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: .muted)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            let row = top + 1 + offset
            if line.0.isEmpty {
                frame.put(line.1, row: row, column: left + 2, style: .heading, limit: width - 4)
            } else {
                frame.put(line.0, row: row, column: left + 2, style: .key, limit: 14)
                frame.put(line.1, row: row, column: left + 17, style: .plain, limit: width - 19)
            }
        }
    }
}
