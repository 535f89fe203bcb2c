/// The one word-wrapping rule of every screen: the text field, saved points, the reader's
/// paragraphs and every list wrap with it, so text breaks the same way wherever it shows.
///
/// Rows break after a space where they can, inside a word only when it is longer than a row. A
/// space at the very end of a row takes no column, so text never runs past the width. A line break
/// always starts a row and belongs to no row. A character wider than the whole row gets a row of
/// its own rather than an endless run of empty rows.
enum WordWrap {
    /// The rows of `characters` at `width` columns, as ranges of indices into `characters`.
    static func rows(of characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        // Where the row may break (after the last space) and the column there.
        var breakAfterSpace: Int?
        var columnAtBreak = 0
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                rows.append(start..<index)
                (start, column, breakAfterSpace) = (index + 1, 0, nil)
                continue
            }
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > width && character != " " && index > start {
                if let breakAt = breakAfterSpace, breakAt > start, column - columnAtBreak + characterWidth <= width || breakAt == index {
                    rows.append(start..<breakAt)
                    start = breakAt
                    column -= columnAtBreak
                } else if let breakAt = breakAfterSpace, breakAt > start {
                    // The word's start fits after the break, but not with this (wide) character.
                    rows.append(start..<breakAt)
                    rows.append(breakAt..<index)
                    start = index
                    column = 0
                } else {
                    rows.append(start..<index)
                    start = index
                    column = 0
                }
                breakAfterSpace = nil
            }
            column = min(width, column + characterWidth)
            if character == " " { (breakAfterSpace, columnAtBreak) = (index + 1, column) }
        }
        rows.append(start..<characters.count)
        return rows
    }

    /// `text` as the lines it wraps to, without the spaces a row ends on.
    static func lines(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return rows(of: characters, width: width).map { String(characters[withoutTrailingSpaces($0, of: characters)]) }
    }

    /// Styled spans as the lines they wrap to: the same breaks as `rows(of:width:)` gives the plain
    /// text, each line's spans keeping their styles ("**bold**," stays together across its two spans).
    ///
    /// Works a word at a time, not a character at a time: a paragraph is cut into words, runs of
    /// spaces and line breaks, each word measured once (printable ASCII by its length), and only a
    /// word longer than a whole row is cut character by character. A paragraph that fits on one
    /// row is measured and returned as it is.
    static func lines(_ spans: [Span], width: Int) -> [StyledLine] {
        let width = max(1, width)
        if !spans.contains(where: \.text.containsLineFeed),
           spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) <= width {
            // Already a line as `RowBuilder` would make it (most paragraphs of a record): kept as is.
            if spans.last?.text.utf8.last != UInt8(ascii: " "), !spans.contains(where: \.text.isEmpty),
               !zip(spans, spans.dropFirst()).contains(where: { $0.style == $1.style }) {
                return [StyledLine(spans)]
            }
            var row = RowBuilder(width: width)
            for span in spans { row.append(Substring(span.text), style: span.style) }
            return [row.line(of: row.committed + row.pending)]
        }
        var builder = RowBuilder(width: width)
        for span in spans {
            for token in WrapToken.tokens(of: span.text) { builder.add(token, style: span.style) }
        }
        return builder.finish()
    }

    /// A row less the spaces it ends on: they take no column where the row breaks.
    private static func withoutTrailingSpaces(_ row: Range<Int>, of characters: [Character]) -> Range<Int> {
        var end = row.upperBound
        while end > row.lowerBound, characters[end - 1] == " " { end -= 1 }
        return row.lowerBound..<end
    }
}

/// A piece of a paragraph as wrapping sees it.
enum WrapToken: Equatable {
    case word(Substring)
    /// One or more spaces: where a row may break.
    case spaces(Substring)
    case lineBreak

    /// `text` cut into words, runs of spaces and line breaks. A space followed by a combining mark
    /// (or another scalar that joins it into one character) belongs to the word it starts, as the
    /// character-by-character rule sees it.
    static func tokens(of text: String) -> [WrapToken] {
        var tokens: [WrapToken] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let start = index
            if scalars[index] == "\n" {
                tokens.append(.lineBreak)
                scalars.formIndex(after: &index)
            } else if isBreakingSpace(at: index, in: scalars) {
                repeat { scalars.formIndex(after: &index) } while index < scalars.endIndex && isBreakingSpace(at: index, in: scalars)
                tokens.append(.spaces(text[start..<index]))
            } else {
                repeat { scalars.formIndex(after: &index) }
                    while index < scalars.endIndex && scalars[index] != "\n" && !isBreakingSpace(at: index, in: scalars)
                // A word ends on a character boundary: the scalars of one character stay together.
                tokens.append(.word(text[start..<index]))
            }
        }
        return tokens
    }

    private static func isBreakingSpace(at index: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView) -> Bool {
        guard scalars[index] == " " else { return false }
        let next = scalars.index(after: index)
        guard next < scalars.endIndex, !scalars[next].isASCII else { return true }
        return !joinsPrevious(scalars[next])
    }

    /// Scalars that extend the character before them (grapheme cluster Extend, SpacingMark, ZWJ).
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: scalar.value == 0x200D || scalar.properties.isGraphemeExtend
        }
    }
}

/// Builds the rows of one paragraph: what is committed (up to and including the last run of
/// spaces, where the row may break) and what is pending (the word being laid after it).
struct RowBuilder {
    typealias Piece = (text: Substring, style: Style)

    let width: Int
    private(set) var rows: [StyledLine] = []
    var committed: [Piece] = []
    var pending: [Piece] = []
    /// Columns used on the row, and by the pending word alone.
    private var column = 0
    private var pendingColumns = 0

    init(width: Int) {
        self.width = width
    }

    mutating func append(_ text: Substring, style: Style) {
        pending.append((text, style))
    }

    mutating func add(_ token: WrapToken, style: Style) {
        switch token {
        case .lineBreak:
            endRow(with: committed + pending)
        case .spaces(let text):
            // Spaces at the end of a row take no column: they never push a row past its width.
            column = min(width, column + text.utf8.count)
            committed += pending
            committed.append((text, style))
            pending = []
            pendingColumns = 0
        case .word(let text):
            let wordWidth = DisplayWidth.of(text)
            if column + wordWidth <= width {
                place(text, style: style, columns: wordWidth)
                return
            }
            if !committed.isEmpty {
                // Break after the last spaces: the word so far starts the next row.
                rows.append(line(of: committed))
                committed = []
                column = pendingColumns
                if column + wordWidth <= width {
                    place(text, style: style, columns: wordWidth)
                    return
                }
            }
            cut(text, style: style)
        }
    }

    private mutating func place(_ text: Substring, style: Style, columns: Int) {
        pending.append((text, style))
        column += columns
        pendingColumns += columns
    }

    /// A word wider than what is left of the row, and with no break before it: character by character.
    private mutating func cut(_ text: Substring, style: Style) {
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let characterWidth = DisplayWidth.of(text[index])
            let rowIsEmpty = committed.isEmpty && pending.isEmpty && start == index
            if column + characterWidth > width && !rowIsEmpty {
                if start < index { pending.append((text[start..<index], style)) }
                rows.append(line(of: committed + pending))
                (committed, pending, column, pendingColumns) = ([], [], 0, 0)
                start = index
            }
            column = min(width, column + characterWidth)
            pendingColumns = column
            text.formIndex(after: &index)
        }
        if start < text.endIndex { pending.append((text[start...], style)) }
    }

    private mutating func endRow(with pieces: [Piece]) {
        rows.append(line(of: pieces))
        (committed, pending, column, pendingColumns) = ([], [], 0, 0)
    }

    mutating func finish() -> [StyledLine] {
        rows.append(line(of: committed + pending))
        return rows
    }

    /// The pieces as a line: neighbours of one style joined, the spaces the row ends on left out.
    func line(of pieces: [Piece]) -> StyledLine {
        var pieces = pieces
        while let last = pieces.last {
            guard let end = last.text.lastIndex(where: { $0 != " " }) else {
                pieces.removeLast()
                continue
            }
            pieces[pieces.count - 1].text = last.text[...end]
            break
        }
        var spans: [Span] = []
        for piece in pieces where !piece.text.isEmpty {
            if let last = spans.last, last.style == piece.style {
                spans[spans.count - 1].text += piece.text
            } else {
                spans.append(Span(String(piece.text), piece.style))
            }
        }
        return StyledLine(spans)
    }
}
