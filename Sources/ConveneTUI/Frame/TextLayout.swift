/// Fitting text into columns by display width: truncation with an ellipsis, padding, and wrapping.
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

    /// `text` wrapped on words to lines of at most `width` columns (`WordWrap`'s rule); line
    /// breaks in the text are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return WordWrap.lines(text, width: width)
    }

    /// `text` padded with spaces to exactly `width` columns (or truncated).
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    }
}
