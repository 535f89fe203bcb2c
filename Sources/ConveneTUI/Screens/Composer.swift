import ConveneCore

/// The line editor for a point: text with a cursor, and the kind `Tab` cycles through.
public struct Composer: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` where the next character goes.
    public private(set) var cursor: Int
    public var kind: PointKind
    /// Set when editing an existing point rather than adding one.
    public let editing: EntityID?

    public init(text: String = "", kind: PointKind = .note, editing: EntityID? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.kind = kind
        self.editing = editing
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { characters.allSatisfy(\.isWhitespace) }

    /// Typed or pasted text; control characters never enter the draft.
    public mutating func insert(_ text: String) {
        let clean = Array(TextRules.cleaned(text))
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Applies an editing key (characters, Backspace, Delete, arrows, Home/End, Ctrl-A/Ctrl-E);
    /// other keys are left to the screen.
    public mutating func edit(with key: Key) {
        switch key {
        case .character(let character): insert(String(character))
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        default: break
        }
    }

    public mutating func cycleKind(forward: Bool = true) {
        let kinds = PointKind.allCases
        let index = kinds.firstIndex(of: kind) ?? 0
        kind = kinds[(index + (forward ? 1 : kinds.count - 1)) % kinds.count]
    }

    /// The text laid out in lines of `width` columns (hard-wrapped, so the cursor can be placed
    /// exactly), with the cursor's line and column.
    public func layout(width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        guard width > 0 else { return ([""], 0, 0) }
        var lines = [""]
        var column = 0
        var cursorLine = 0
        var cursorColumn = 0
        for (index, character) in characters.enumerated() {
            if index == cursor { (cursorLine, cursorColumn) = (lines.count - 1, column) }
            if character == "\n" {
                lines.append("")
                column = 0
                continue
            }
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > width {
                lines.append("")
                column = 0
                if index == cursor { (cursorLine, cursorColumn) = (lines.count - 1, 0) }
            }
            lines[lines.count - 1].append(character)
            column += characterWidth
        }
        if cursor == characters.count {
            if column >= width {
                lines.append("")
                column = 0
            }
            (cursorLine, cursorColumn) = (lines.count - 1, column)
        }
        return (lines, cursorLine, cursorColumn)
    }
}
