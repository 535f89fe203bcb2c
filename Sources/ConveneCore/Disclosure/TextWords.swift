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
    /// How many of the words start with a capital.
    let capitalisedCount: Int

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let utf8 = text.utf8
        let words = utf8.withContiguousStorageIfAvailable { bytes in
            Self.words(in: bytes) { start, end in utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end) }
        } ?? []
        self.words = words
        capitalisedCount = words.count(where: \.isCapitalised)
    }

    /// The words of UTF-8 `bytes`, their places made by `range` from byte offsets: ASCII is read
    /// byte by byte, anything else decoded to its scalar first.
    private static func words(in bytes: UnsafeBufferPointer<UInt8>, range: (Int, Int) -> Range<String.Index>) -> [Word] {
        var words: [Word] = []
        var start = -1
        var capitalised = false
        var ascii = true
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let scalar: Unicode.Scalar
            let length: Int
            if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                length = 1
            } else {
                length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            if isWordScalar(scalar) {
                if start < 0 {
                    start = index
                    capitalised = lead < 0x80 ? lead &- 0x41 < 26 : scalar.properties.isUppercase
                    ascii = true
                }
                if lead >= 0x80 { ascii = false }
            } else if start >= 0 {
                words.append(Word(range: range(start, index), isCapitalised: capitalised, isASCII: ascii))
                start = -1
            }
            index += length
        }
        if start >= 0 { words.append(Word(range: range(start, bytes.count), isCapitalised: capitalised, isASCII: ascii)) }
        return words
    }

    /// A letter, a digit or an underscore (a combining mark continues the letter before it).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0..<0x80: return false
        // Latin letters with accents (but × and ÷), and the punctuation of typed text (’ “ ” — …):
        // most of what is not ASCII in a record, answered without looking up properties.
        case 0xD7, 0xF7: return false
        case 0xC0...0x24F: return true
        case 0x2000...0x206F: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        }
    }

    /// The word in lower case and without accents, as the index of names keys it: "Lopez" is
    /// found for López, as people type a name on a keyboard without the accent.
    func folded(_ word: Word) -> FoldedWord {
        word.isASCII ? FoldedWord(asciiText: text[word.range]) : FoldedWord(NameFolding.fold(text[word.range]))
    }

    /// `folded(word).foldedHash`, without making the folded word.
    func foldedHash(_ word: Word) -> UInt64 {
        word.isASCII ? FoldedWord(asciiText: text[word.range]).foldedHash : NameFolding.foldedHash(text[word.range])
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

    /// FNV-1a over the folded bytes: the same for the same word in any case.
    var foldedHash: UInt64 {
        var hash = FNV1a()
        for byte in text.utf8 { hash.add(Self.fold(byte)) }
        return hash.value
    }

    func hash(into hasher: inout Hasher) {
        // Handed to the hasher once: one combine per word, not per byte.
        hasher.combine(foldedHash)
    }

    static func == (lhs: FoldedWord, rhs: FoldedWord) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && zip(lhs.text.utf8, rhs.text.utf8).allSatisfy { fold($0) == fold($1) }
    }
}
