import Foundation

/// The words of a captured text, found once and shared by every part of the disclosure check: runs
/// of letters, digits and underscores, read scalar by scalar (a check reads every text in the
/// record, so it must cost little more than the reading).
struct TextWords {
    struct Word {
        var range: Range<String.Index>
        /// Whether it starts with a capital: a name, or the start of a sentence.
        var isCapitalised: Bool
        /// Plain ASCII, so it can be compared ignoring case without building a lower-case copy.
        var isASCII: Bool
    }

    let text: String
    let words: [Word]

    init(_ text: String) {
        self.text = text
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var capitalised = false
        var ascii = true
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                if start == nil {
                    start = index
                    capitalised = scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
                    ascii = true
                }
                if !scalar.isASCII { ascii = false }
            } else if let begun = start {
                words.append(Word(range: begun..<index, isCapitalised: capitalised, isASCII: ascii))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begun = start { words.append(Word(range: begun..<text.endIndex, isCapitalised: capitalised, isASCII: ascii)) }
        self.words = words
    }

    /// A letter, a digit or an underscore (a combining mark continues the letter before it).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0..<0x80: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        }
    }

    /// The word in lower case and without accents, as the index of names keys it: "Lopez" is
    /// found for López, as people type a name on a keyboard without the accent.
    func folded(_ word: Word) -> FoldedWord {
        word.isASCII ? FoldedWord(asciiText: text[word.range]) : FoldedWord(Self.fold(text[word.range]))
    }

    /// Lower case, without accents, every apostrophe the straight one: how names are compared.
    static func fold(_ text: some StringProtocol) -> String {
        // Most names are plain ASCII: lower-casing is all they need, and far cheaper.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }
}

/// A word compared ignoring case: ASCII words are folded as they are hashed and compared, with no
/// lower-case copy made (most words of most texts); others are lower-cased first.
struct FoldedWord: Hashable {
    private let text: Substring

    /// A word already in lower case.
    init(_ lowercased: String) {
        text = lowercased[...]
    }

    /// An ASCII word in any case.
    init(asciiText: Substring) {
        text = asciiText
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    func hash(into hasher: inout Hasher) {
        // FNV-1a over the folded bytes, handed to the hasher once: one combine per word, not per byte.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(Self.fold(byte))) &* 0x100_0000_01b3 }
        hasher.combine(hash)
    }

    static func == (lhs: FoldedWord, rhs: FoldedWord) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && zip(lhs.text.utf8, rhs.text.utf8).allSatisfy { fold($0) == fold($1) }
    }
}
