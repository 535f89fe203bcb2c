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
                if let breakAt = breakAfterSpace, breakAt > start {
                    rows.append(start..<breakAt)
                    start = breakAt
                    column -= columnAtBreak
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

    /// Styled spans as the lines they wrap to: the same breaks as the plain text would take, each
    /// line's spans keeping their styles ("**bold**," stays together across its two spans).
    static func lines(_ spans: [Span], width: Int) -> [StyledLine] {
        var characters: [Character] = []
        var styles: [Int] = [] // the span each character came from
        var positions: [String.Index] = [] // and where in that span's text
        for (index, span) in spans.enumerated() {
            for position in span.text.indices {
                characters.append(span.text[position])
                styles.append(index)
                positions.append(position)
            }
        }
        return rows(of: characters, width: width).map { row in
            let end = withoutTrailingSpaces(row, of: characters).upperBound
            // One span per run of characters from the same span (or of the same style).
            var line = StyledLine()
            var runStart = row.lowerBound
            while runStart < end {
                var runEnd = runStart + 1
                while runEnd < end, styles[runEnd] == styles[runStart] { runEnd += 1 }
                let source = spans[styles[runStart]]
                let style = source.style
                // The run is a slice of its span's text: copied at once, not character by character.
                let upper = runEnd < characters.count && styles[runEnd] == styles[runStart] ? positions[runEnd] : source.text.endIndex
                let text = String(source.text[positions[runStart]..<upper])
                if let last = line.spans.last, last.style == style {
                    line.spans[line.spans.count - 1].text += text
                } else {
                    line.spans.append(Span(text, style))
                }
                runStart = runEnd
            }
            return line
        }
    }

    /// A row less the spaces it ends on: they take no column where the row breaks.
    private static func withoutTrailingSpaces(_ row: Range<Int>, of characters: [Character]) -> Range<Int> {
        var end = row.upperBound
        while end > row.lowerBound, characters[end - 1] == " " { end -= 1 }
        return row.lowerBound..<end
    }
}
