import ConveneCore

/// The one editable text of every screen: a point being typed, a theme, a caveat, a dilemma, a
/// name. It edits as a shell line does (readline's keys), wraps on words so the whole text can be
/// shown, and knows where its cursor falls in that wrapping.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` where the next character goes.
    public private(set) var cursor: Int
    /// Whether Ctrl-J (and pasted line breaks) start a new line; one-line fields get a space instead.
    public let allowsLineBreaks: Bool
    /// Set when the field opens on text that typing should replace (a theme being renamed): the
    /// whole text shows selected, a character replaces it, a movement just deselects.
    public private(set) var isAllSelected: Bool
    /// What Ctrl-U, Ctrl-K, Ctrl-W and Alt-Backspace cut last, for Ctrl-Y.
    public private(set) var killed: [Character] = []

    public init(text: String = "", allowsLineBreaks: Bool = true, selectingAll: Bool = false) {
        self.allowsLineBreaks = allowsLineBreaks
        characters = Array(TextRules.cleaned(text, singleLine: !allowsLineBreaks))
        cursor = characters.count
        isAllSelected = selectingAll && !characters.isEmpty
    }

    public var text: String { String(characters) }
    public var isBlank: Bool { characters.allSatisfy(\.isWhitespace) }

    // MARK: Editing

    /// Typed or pasted text; control characters never enter the field.
    public mutating func insert(_ text: String) {
        replaceSelection()
        let clean = Array(TextRules.cleaned(text, singleLine: !allowsLineBreaks))
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// Applies an editing key (`KeyMap.editing`, a character, or Ctrl-J where lines are allowed);
    /// returns false for keys that are not the field's, left to the screen.
    @discardableResult
    public mutating func edit(with key: Key) -> Bool {
        if case .character(let character) = key {
            insert(String(character))
            return true
        }
        if case .text(let pasted) = key {
            insert(pasted)
            return true
        }
        if key == .control("j") && allowsLineBreaks {
            insert("\n")
            return true
        }
        // Up and Down move between the lines of a text of several; on its first or last line they
        // are the screen's (a field of one line never takes them).
        if allowsLineBreaks, key == .up || key == .down, let target = lineAcross(up: key == .up) {
            move(to: target)
            return true
        }
        guard let action = KeyMap.action(for: key, in: KeyMap.standard.editing) else { return false }
        switch action {
        case .left: move(to: cursor - 1)
        case .right: move(to: cursor + 1)
        case .wordLeft: move(to: wordStart(before: cursor))
        case .wordRight: move(to: wordEnd(after: cursor))
        case .lineStart: move(to: lineStart)
        case .lineEnd: move(to: lineEnd)
        case .deleteBackward: if !replaceSelection() { deleteBackward() }
        case .deleteForward: if !replaceSelection() { deleteForward() }
        case .killToLineStart: kill(lineStart..<cursor)
        case .killToLineEnd: kill(cursor..<lineEnd)
        case .killWord: kill(spaceDelimitedWordStart(before: cursor)..<cursor)
        case .killAlphanumericWord: kill(wordStart(before: cursor)..<cursor)
        case .yank: insert(String(killed))
        }
        return true
    }

    /// Puts the cursor at the start of the first place the text says `words` (ignoring case),
    /// where a person opening the field to fix those words begins; at the end when it says none.
    public mutating func moveCursor(toStartOf words: String) {
        isAllSelected = false
        let text = String(characters)
        guard !words.isEmpty, let range = text.range(of: words, options: [.caseInsensitive]) else { return }
        cursor = text.distance(from: text.startIndex, to: range.lowerBound)
    }

    /// Removes the selected text, if the whole of it is selected; returns whether it did.
    @discardableResult
    private mutating func replaceSelection() -> Bool {
        guard isAllSelected else { return false }
        isAllSelected = false
        killed = characters
        characters = []
        cursor = 0
        return true
    }

    private mutating func move(to index: Int) {
        isAllSelected = false
        cursor = min(max(0, index), characters.count)
    }

    private mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    private mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    private mutating func kill(_ range: Range<Int>) {
        isAllSelected = false
        guard !range.isEmpty else { return }
        killed = Array(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    /// The position in the line above or below the cursor's at the same column (or that line's
    /// end, when shorter); nil on the first or last line.
    private func lineAcross(up: Bool) -> Int? {
        let column = cursor - lineStart
        if up {
            guard lineStart > 0 else { return nil }
            let previousEnd = lineStart - 1
            let previousStart = characters[..<previousEnd].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            return min(previousStart + column, previousEnd)
        }
        guard lineEnd < characters.count else { return nil }
        let nextStart = lineEnd + 1
        let nextEnd = characters[nextStart...].firstIndex(of: "\n") ?? characters.count
        return min(nextStart + column, nextEnd)
    }

    /// Where the line holding the cursor starts and ends (a line of the text, between line breaks).
    private var lineStart: Int { characters[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0 }
    private var lineEnd: Int { characters[cursor...].firstIndex(of: "\n") ?? characters.count }

    /// Readline's words: letters and digits, so Alt-b stops inside "state-led" at "led".
    private func wordStart(before index: Int) -> Int {
        var position = index
        while position > 0, !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private func wordEnd(after index: Int) -> Int {
        var position = index
        while position < characters.count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    /// Ctrl-W's words, as in bash: whatever lies between blanks.
    private func spaceDelimitedWordStart(before index: Int) -> Int {
        var position = index
        while position > 0, characters[position - 1].isWhitespace { position -= 1 }
        while position > 0, !characters[position - 1].isWhitespace { position -= 1 }
        return position
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    // MARK: Layout

    /// The text wrapped on words into rows of at most `width` columns, and where the cursor falls.
    public struct Layout: Equatable, Sendable {
        public var rows: [String]
        public var cursorRow: Int
        public var cursorColumn: Int
    }

    /// The row holding the cursor in a field one row tall (a search, a title), and the cursor's
    /// column in it.
    public func row(width: Int) -> (text: String, cursorColumn: Int) {
        let layout = layout(width: width)
        return (layout.rows[layout.cursorRow], layout.cursorColumn)
    }

    /// Rows break as everywhere else (`WordWrap`); the cursor's column is always within `width`.
    public func layout(width: Int) -> Layout {
        let width = max(1, width)
        let ranges = WordWrap.rows(of: characters, width: width)

        // The cursor goes on the row it ends, unless a wrapped row starts there.
        var cursorRow = ranges.count - 1
        for (row, range) in ranges.enumerated() where cursor <= range.upperBound {
            let startsNext = row + 1 < ranges.count && ranges[row + 1].lowerBound == cursor
            if !startsNext || cursor < range.upperBound {
                cursorRow = row
                break
            }
        }
        var rows = ranges.map { String(characters[$0]) }
        var cursorColumn = characters[ranges[cursorRow].lowerBound..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        if cursorColumn >= width {
            // The cursor sits after a full row: it starts the next one.
            if cursorRow == rows.count - 1 { rows.append("") }
            cursorRow += 1
            cursorColumn = 0
        }
        return Layout(rows: rows, cursorRow: cursorRow, cursorColumn: cursorColumn)
    }
}
