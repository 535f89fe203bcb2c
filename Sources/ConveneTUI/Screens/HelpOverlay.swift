/// The `?` panel of every screen: a box over the screen listing keys from the screen's key tables,
/// so help cannot drift from what the keys do. Lines are (key, what it does); an empty key makes a
/// heading.
public enum HelpOverlay {
    /// How many lines the live screen's help has, for scrolling it to the end.
    public static var lineCount: Int { lines.count }

    /// The live screen's help: every table it uses.
    static var lines: [(String, String)] {
        section("Live session", KeyMap.live)
            + section("While typing a point", KeyMap.compose)
            + section("On a divergence table", KeyMap.divergence)
            + section("Reviewing names before the notes are written (w)", KeyMap.disclosure)
            + section("Attendees (A)", KeyMap.attendees)
            + section("Answering a prompt", KeyMap.prompt)
            + section("Editing any text", KeyMap.editing)
            + [("", "Any other key closes this help.")]
    }

    static func section<Action>(_ title: String, _ table: [KeyBinding<Action>]) -> [(String, String)] {
        [("", title)] + table.map { ($0.label, $0.help) } + [("", "")]
    }

    /// Draws `lines` (the live screen's by default) from line `offset` in a box that clears what is
    /// under it; returns the largest offset that still fills the box.
    @discardableResult
    static func draw(into frame: inout Frame, lines: [(String, String)] = lines, offset: Int) -> Int {
        let width = min(frame.width - 4, 90)
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
        let capacity = height - 2
        let maximum = max(0, lines.count - capacity)
        let first = min(max(0, offset), maximum)
        if first > 0 { frame.put(" ↑ k ", row: top, column: left + width - 7, style: .key) }
        if first < maximum { frame.put(" ↓ j, more ", row: top + height - 1, column: left + width - 13, style: .key) }
        for (index, line) in lines.dropFirst(first).prefix(capacity).enumerated() {
            let row = top + 1 + index
            if line.0.isEmpty {
                frame.put(line.1, row: row, column: left + 2, style: .heading, limit: width - 4)
            } else {
                frame.put(line.0, row: row, column: left + 2, style: .key, limit: 14)
                frame.put(line.1, row: row, column: left + 17, style: .plain, limit: width - 19)
            }
        }
        return maximum
    }
}
