/// Whether every quoted field of a CSV text is closed. A CSV reader given one stray opening quote
/// reads the rest of the file as a single field and says nothing: a registration list would lose
/// everyone after it, and the disclosure check would then miss their names. Checked before the
/// list is read, so such a file is refused with the line where the quote opened.
public enum CSVQuoting {
    /// The 1-based line where a quoted field opens and is never closed, or nil when there is none.
    /// A field is quoted when its first character after blanks is `"`; inside it `""` is a quote,
    /// and a `"` followed by the delimiter, a line break, blanks or the end closes it.
    public static func unclosedQuote(in text: String, delimiter: Character) -> Int? {
        var line = 1
        var atFieldStart = true
        var openedOn: Int?
        var pendingQuote = false // inside a quoted field, a `"` just seen: a close, or half of `""`
        for character in text {
            if openedOn != nil {
                if pendingQuote {
                    pendingQuote = false
                    // `""` is a quote inside the field; anything else after a `"` closes it.
                    if character != "\"" {
                        openedOn = nil
                        atFieldStart = character == delimiter || character.isNewline
                    }
                } else if character == "\"" {
                    pendingQuote = true
                }
            } else if atFieldStart && character == "\"" {
                openedOn = line
                atFieldStart = false
            } else if character == delimiter || character.isNewline {
                atFieldStart = true
            } else if !character.isWhitespace {
                atFieldStart = false
            }
            if character.isNewline { line += 1 }
        }
        return pendingQuote ? nil : openedOn
    }
}
