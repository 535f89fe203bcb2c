/// Fitting text into columns by display width: truncation with an ellipsis, and word wrapping.
public enum TextLayout {
    /// `text` cut to `width` columns, ending in "…" when cut. The cut falls after a whole word when
    /// one ends in the second half of what fits ("Interim outcomes and…", not "Interim outcom…"); a
    /// single long word is cut where it must be.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        var cutsWord = false
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 {
                cutsWord = !character.isWhitespace
                break
            }
            result.append(character)
            used += characterWidth
        }
        if cutsWord, let space = result.lastIndex(where: \.isWhitespace), result.distance(from: result.startIndex, to: space) >= result.count / 2 {
            result = String(result[..<space])
        }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result + "…"
    }

    /// `text` wrapped at word boundaries to lines of at most `width` columns; words longer than a
    /// line are broken; line breaks in the text are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                let separator = line.isEmpty ? 0 : 1
                let wordWidth = DisplayWidth.of(word)
                if lineWidth + separator + wordWidth <= width {
                    if separator == 1 { line += " " }
                    line += word
                    lineWidth += separator + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                lineWidth = 0
                while DisplayWidth.of(word) > width {
                    var piece = ""
                    var pieceWidth = 0
                    while let next = word.first, pieceWidth + DisplayWidth.of(next) <= width {
                        piece.append(next)
                        pieceWidth += DisplayWidth.of(next)
                        word = word.dropFirst()
                    }
                    if piece.isEmpty, let next = word.first { piece.append(next); word = word.dropFirst() }
                    lines.append(piece)
                }
                line = String(word)
                lineWidth = DisplayWidth.of(word)
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` padded with spaces to exactly `width` columns (or truncated).
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    }
}
