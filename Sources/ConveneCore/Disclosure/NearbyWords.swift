/// The words and punctuation next to a match, as a reader takes them in: what the attribution cues
/// are looked for in. Stops at the end of the sentence.
struct NearbyWords {
    enum Token: Equatable {
        case word(String)
        /// A comma, "&" or an opening bracket: what joins names in a list or sets off an aside.
        case joiner(Character)

        var word: String? {
            if case .word(let word) = self { return word }
            return nil
        }

        var isCapitalised: Bool { word?.first?.isUppercase ?? false }
    }

    /// Up to `limit` tokens after `range`, nearest first.
    static func after(_ range: Range<String.Index>, in text: String, limit: Int = 8) -> [Token] {
        tokens(in: text[range.upperBound...], limit: limit)
    }

    /// Up to `limit` tokens before `range`, nearest first (each word reads forwards).
    static func before(_ range: Range<String.Index>, in text: String, limit: Int = 3) -> [Token] {
        let reversed = String(text[..<range.lowerBound].reversed())
        return tokens(in: reversed[...], limit: limit).map { token in
            if case .word(let word) = token { return .word(String(word.reversed())) }
            return token
        }
    }

    private static func tokens(in text: Substring, limit: Int) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        for character in text {
            if tokens.count >= limit { break }
            if character.isLetter || character.isNumber || ((character == "-" || character == "'" || character == "’") && !word.isEmpty) {
                word.append(character)
            } else {
                endWord()
                if ".!?;:\n".contains(character) { break }
                if ",&(".contains(character) || character == ")" { tokens.append(.joiner(character == ")" ? "(" : character)) }
            }
        }
        endWord()
        return Array(tokens.prefix(limit))
    }
}
