import ConveneCore

/// A screen's worth of styled cells: what a view draws into. The ncurses adapter copies it to the
/// window and lets ncurses send only what changed; tests read it back as text.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]
    /// Where the terminal's cursor should show (while typing), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0
    /// What can be clicked, and where, in the order drawn: a later mark over an earlier one wins,
    /// as what is drawn later covers what was drawn before.
    private(set) var clickable: [(area: Rect, target: ClickTarget)] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (`row`, `column`), at most `limit` columns (default: to the right edge).
    /// Text that does not fit ends in "…" in its last column, so nothing is ever cut without a
    /// sign (only blanks and rules run off silently). A wide character that would be cut in half is
    /// left out. Returns the columns used.
    /// Control characters are drawn as visible stand-ins (`␛`): every screen draws through here,
    /// so nothing shown can reach the terminal as a control sequence.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let end = min(width, column + (limit ?? width))
        let visible = VisibleText.of(text)
        var x = max(0, column)
        var placed: [Int] = []
        var index = visible.startIndex
        while index < visible.endIndex {
            let character = visible[index]
            let characterWidth = DisplayWidth.of(character)
            if characterWidth > 0 {
                guard x + characterWidth <= end else { break }
                cells[row * width + x] = Cell(character, style: style)
                if characterWidth == 2 { cells[row * width + x + 1] = Cell(" ", style: style, isContinuation: true) }
                placed.append(x)
                x += characterWidth
            }
            index = visible.index(after: index)
        }
        if index < visible.endIndex, !visible[index...].allSatisfy(Self.runsOffSilently) {
            if x < end {
                // A column is free (the next character was wide): the ellipsis goes there.
                cells[row * width + x] = Cell("…", style: style)
                x += 1
            } else if let last = placed.last {
                // The last character drawn gives way to the ellipsis (both columns of a wide one).
                if x - last == 2 { cells[row * width + last + 1] = Cell(" ", style: style) }
                cells[row * width + last] = Cell("…", style: style)
            }
        }
        return x - max(0, column)
    }

    /// Blanks and box-drawing rules: cut, they lose nothing a person would read.
    private static func runsOffSilently(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.allSatisfy { (0x2500...0x257F).contains($0.value) }
    }

    /// Paints `style` over a run of cells, e.g. to highlight a whole row.
    public mutating func fill(row: Int, from start: Int = 0, to end: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, start)..<min(width, end ?? width) {
            cells[row * width + x].style = style
        }
    }

    /// Copies `rows` rows of `source`, from its row `sourceRow`, into this frame at (`row`, `column`):
    /// how a view taller than its area is scrolled.
    public mutating func paste(_ source: Frame, from sourceRow: Int, rows: Int, to row: Int, column: Int) {
        for offset in 0..<rows {
            let (from, to) = (sourceRow + offset, row + offset)
            guard from >= 0, from < source.height, to >= 0, to < height else { continue }
            for x in 0..<min(source.width, width - column) where column + x >= 0 {
                cells[to * width + column + x] = source[from, x]
            }
        }
        // What can be clicked in the rows copied comes along, moved to where they now are.
        for (area, target) in source.clickable {
            let top = max(area.y, sourceRow), bottom = min(area.bottom, sourceRow + rows)
            guard top < bottom else { continue }
            mark(Rect(x: area.x + column, y: top - sourceRow + row, width: area.width, height: bottom - top), target)
        }
    }

    /// Makes `area` clickable: a click there reaches the screen as `.click(target)`.
    public mutating func mark(_ area: Rect, _ target: ClickTarget) {
        let visible = area.intersection(bounds)
        guard !visible.isEmpty else { return }
        clickable.append((visible, target))
    }

    /// What a click at (`row`, `column`) lands on: the last thing marked there.
    public func target(atRow row: Int, column: Int) -> ClickTarget? {
        clickable.last { $0.area.contains(row: row, column: column) }?.target
    }

    /// The frame as text, one line per row, trailing blanks trimmed: the golden-screen form.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width where !self[row, x].isContinuation {
                line.append(self[row, x].character)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn
    }
}
