/// The help panel of every screen: a box over the screen listing keys from the screen's key
/// tables, so help cannot drift from what the keys do. Lines are (key, what it does); an empty key
/// makes a heading. Each screen gives its own lines; the scrolling and closing keys are the map's
/// `help` table, the same on every screen.
public enum HelpOverlay {
    /// What the mouse does on a screen: the same heading and wheel on every one, the click its own.
    static func mouse(wheel: String = "scrolls as ↑/↓ do", click: String) -> [(String, String)] {
        [("", "Mouse"), ("wheel", wheel), ("click", click)]
    }

    static func section<Action>(_ title: String, _ table: [KeyBinding<Action>]) -> [(String, String)] {
        [("", title)] + table.map { ($0.label, $0.help) } + [("", "")]
    }

    /// The last line of every screen's help: how to scroll it and get out, read from `keys`.
    static func footer(_ keys: KeyMap) -> [(String, String)] {
        func letter(_ action: HelpAction) -> String { KeyMap.letter(of: keys.help.first { $0.action == action }?.keys ?? []) }
        let closing = (keys.help.first { $0.action == .close }?.keys ?? []).map(\.label).joined(separator: ", ")
        return [("", "\(letter(.lineDown))/\(letter(.lineUp)), \(letter(.top))/\(letter(.bottom)) scroll this help; "
                    + "\(closing) or any other key closes it.")]
    }

    /// What a key does to the help scrolled to `offset` on any screen: the new offset, or nil when
    /// the key closes the help, back to the screen under it. Every key but scrolling closes it,
    /// the quit key included: quit in the help never quits the program.
    static func scrolled(by key: Key, from offset: Int, lines: Int, keys: KeyMap) -> Int? {
        let page = 10
        let moved: Int? = switch KeyMap.action(for: key, in: keys.help) {
        case .lineDown?: offset + 1
        case .lineUp?: offset - 1
        case .pageDown?: offset + page
        case .pageUp?: offset - page
        case .top?: 0
        case .bottom?: lines
        case .close?, nil: nil
        }
        return moved.map { min(max(0, $0), max(0, lines - 1)) }
    }

    /// The column a key's description starts at, after its key.
    private static let keyWidth = 15

    /// Draws `lines` from line `offset` in a box that clears what is
    /// under it, descriptions wrapped rather than cut; returns the largest offset worth scrolling to.
    @discardableResult
    static func draw(into frame: inout Frame, lines: [(String, String)], offset: Int, keys: KeyMap) -> Int {
        let width = min(frame.width - 4, 90)
        let textWidth = width - 4
        func rows(_ index: Int) -> [ListRow] {
            let (key, text) = lines[index]
            if key.isEmpty { return WordWrap.lines(text, width: textWidth).map { ListRow($0, style: .heading) } }
            return WordWrap.lines(text, width: textWidth - keyWidth).enumerated().map { line, wrapped in
                ListRow(wrapped, indent: keyWidth, lead: line == 0 ? Span(TextLayout.truncate(key, to: keyWidth - 1), .key) : nil)
            }
        }
        let laidOut = lines.indices.map(rows)
        let heights = laidOut.map(\.count)
        let box = Rect(x: (frame.width - width) / 2, y: 0, width: width, height: min(frame.height - 2, heights.reduce(0, +) + 2))
        let placed = Rect(x: box.x, y: (frame.height - box.height) / 2, width: box.width, height: box.height)
        frame.clear(placed)
        frame.box(placed, title: " Keys ")
        let inside = placed.inset(left: 2, right: 2, top: 1, bottom: 1)
        // The furthest offset from which the rest still fills the box, between the rows the list
        // keeps for its "more" lines once it scrolls; none when everything fits.
        var maximum = lines.count
        var below = 0
        let room = heights.reduce(0, +) <= inside.height ? inside.height : inside.height - 2
        while maximum > 0 && below + heights[maximum - 1] <= room {
            maximum -= 1
            below += heights[maximum]
        }
        ListView(noun: ("line", "lines"), keys: keys.listMarks).draw(count: lines.count, focus: .top(min(max(0, offset), maximum)), into: &frame,
                                               in: inside) { laidOut[$0] }
        return maximum
    }
}
