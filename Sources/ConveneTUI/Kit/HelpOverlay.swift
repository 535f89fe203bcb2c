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
            + section("Session details (s)", KeyMap.details)
            + section("The agenda (o)", KeyMap.agenda)
            + section("Answering a prompt", KeyMap.prompt)
            + section("Editing any text", KeyMap.editing)
            + mouse(click: "selects a point, a context, a cell, an item, a person; an item beside the points is looked at")
            + [("", "j/k, g/G scroll this help; q, Esc or any other key closes it.")]
    }

    /// What the mouse does on a screen: the same heading and wheel on every one, the click its own.
    static func mouse(wheel: String = "scrolls as ↑/↓ do", click: String) -> [(String, String)] {
        [("", "Mouse"), ("wheel", wheel), ("click", click)]
    }

    static func section<Action>(_ title: String, _ table: [KeyBinding<Action>]) -> [(String, String)] {
        [("", title)] + table.map { ($0.label, $0.help) } + [("", "")]
    }

    /// What a key does to the help scrolled to `offset` on any screen: the new offset, or nil when
    /// the key closes the help, back to the screen under it. Every key but scrolling closes it,
    /// `q` and Esc included: `q` in the help never quits the program.
    static func scrolled(by key: Key, from offset: Int, lines: Int) -> Int? {
        let page = 10
        let moved = switch key {
        case .down, .character("j"): offset + 1
        case .up, .character("k"): offset - 1
        case .pageDown, .character(" "): offset + page
        case .pageUp: offset - page
        case .home, .character("g"): 0
        case .end, .character("G"): lines
        default: Int?.none
        }
        return moved.map { min(max(0, $0), max(0, lines - 1)) }
    }

    /// The column a key's description starts at, after its key.
    private static let keyWidth = 15

    /// Draws `lines` (the live screen's by default) from line `offset` in a box that clears what is
    /// under it, descriptions wrapped rather than cut; returns the largest offset worth scrolling to.
    @discardableResult
    static func draw(into frame: inout Frame, lines: [(String, String)] = lines, offset: Int) -> Int {
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
        ListView(noun: ("line", "lines")).draw(count: lines.count, focus: .top(min(max(0, offset), maximum)), into: &frame,
                                               in: inside) { laidOut[$0] }
        return maximum
    }
}
