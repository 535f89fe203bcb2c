/// Another person's full name that shares one word with an attendee's: "Michael Gove" when Michael
/// Little attended, "Milton Friedman" when Sam Friedman did. A first name followed by a capitalised
/// word, or a surname after one, that is not the attendee's own other name, names someone else.
enum OtherPerson {
    /// Words before a surname that make it the attendee's ("Dr Little"), not another person's.
    static let titles: Set<String> = [
        "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "cllr", "councillor", "rev", "reverend",
    ]

    static func isNamed(around range: Range<String.Index>, by term: DisclosureTerm, in text: String, words: WordList) -> Bool {
        let names = term.attendeeWords
        switch term.reason {
        case .firstName:
            // The next word, capitalised, one space after: "Michael Gove".
            guard let next = word(after: range, in: text), next.first?.isUppercase == true else { return false }
            let folded = NameFolding.fold(next)
            return !names.contains { $0.dropFirst().contains(folded) }
        case .surname:
            // The word before, capitalised, one space before: "Milton Friedman". At a sentence's
            // start a capital says nothing, so there it must not be an ordinary word ("When Friedman").
            guard let (previous, start) = word(before: range, in: text), previous.first?.isUppercase == true else { return false }
            let folded = NameFolding.fold(previous)
            if titles.contains(folded) || names.contains(where: { $0.dropLast().contains(folded) }) { return false }
            return !startsSentence(at: start, in: text) || !words.isOrdinary(previous)
        default:
            return false
        }
    }

    /// The word one space after `range`.
    private static func word(after range: Range<String.Index>, in text: String) -> Substring? {
        guard range.upperBound < text.endIndex, text[range.upperBound] == " " else { return nil }
        let start = text.index(after: range.upperBound)
        let end = text[start...].firstIndex { !isWordCharacter($0) } ?? text.endIndex
        return start < end ? text[start..<end] : nil
    }

    /// The word one space before `range`, and where it starts.
    private static func word(before range: Range<String.Index>, in text: String) -> (Substring, String.Index)? {
        guard range.lowerBound > text.startIndex else { return nil }
        let space = text.index(before: range.lowerBound)
        guard text[space] == " " else { return nil }
        let start = text[..<space].lastIndex { !isWordCharacter($0) }.map { text.index(after: $0) } ?? text.startIndex
        return start < space ? (text[start..<space], start) : nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Whether only white space, or the end of a sentence, comes before `index`.
    private static func startsSentence(at index: String.Index, in text: String) -> Bool {
        let before = text[..<index].last { !$0.isWhitespace }
        return before.map { ".!?:;\"“(".contains($0) } ?? true
    }
}
