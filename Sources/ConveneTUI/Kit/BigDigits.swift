/// Digits five rows tall, for a clock a room can read from the back (`convene follow` on a
/// projector). Each glyph is three columns of block characters; a colon is one column.
enum BigDigits {
    static let height = 5

    private static let glyphs: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"],
        "1": ["  █", "  █", "  █", "  █", "  █"],
        "2": ["███", "  █", "███", "█  ", "███"],
        "3": ["███", "  █", "███", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"],
        "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"],
        "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"],
        "9": ["███", "█ █", "███", "  █", "███"],
        ":": [" ", "█", " ", "█", " "],
        "+": ["   ", " █ ", "███", " █ ", "   "],
        "-": ["   ", "   ", "███", "   ", "   "],
    ]

    /// `text` (digits, colons, a sign) as five lines; other characters are left out.
    static func lines(_ text: String) -> [String] {
        let shown = text.compactMap { glyphs[$0] }
        return (0..<height).map { row in shown.map { $0[row] }.joined(separator: " ") }
    }

    /// Columns `text` takes.
    static func width(_ text: String) -> Int {
        lines(text).first.map(DisplayWidth.of) ?? 0
    }
}
