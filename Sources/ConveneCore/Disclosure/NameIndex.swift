/// Every name form, found in one pass over a text: each word of the text is looked up, by its
/// lower-case spelling, among the forms that start with it. A check costs the length of the text,
/// not the length times the number of forms (five or six for each of forty people).
struct NameIndex: Sendable {
    private struct Entry: Sendable {
        var term: DisclosureTerm
        /// The form's words in lower case: "michael little" is ["michael", "little"].
        var words: [FoldedWord]
        /// The form as written, spaces collapsed, lower case: what the words found must read as.
        var spelling: String
    }

    /// The forms by their first word, the longest first, so "Michael Little" is tried before "Michael".
    private let byFirstWord: [FoldedWord: [Entry]]
    /// One bit per first word, by its hash: most words of a text start no form, and this says so
    /// without the dictionary's hashing and probing.
    private let mayStart: FirstWordFilter

    init(terms: [DisclosureTerm]) {
        var index: [FoldedWord: [Entry]] = [:]
        for term in terms {
            let words = TextWords(term.text).words.map { FoldedWord(NameFolding.fold(term.text[$0.range])) }
            guard let first = words.first else { continue }
            index[first, default: []].append(Entry(term: term, words: words, spelling: Self.spelling(term.text[...])))
        }
        mayStart = FirstWordFilter(index.keys)
        byFirstWord = index.mapValues { entries in entries.sorted { ($0.words.count, $0.spelling.count) > ($1.words.count, $1.spelling.count) } }
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    /// Each place in `text` where a form's words stand in order, as whole words in any case and
    /// with or without their accents (what
    /// they must look like to count is the check's to decide): in text order, the longest form
    /// first at each place.
    func occurrences(in words: TextWords) -> [(Range<String.Index>, DisclosureTerm)] {
        let text = words.text
        let all = words.words
        var found: [(Range<String.Index>, DisclosureTerm)] = []
        for start in all.indices {
            guard mayStart.contains(words.foldedHash(all[start])), let entries = byFirstWord[words.folded(all[start])] else { continue }
            for entry in entries {
                let end = start + entry.words.count - 1
                guard end < all.count, entry.words.indices.dropFirst().allSatisfy({ words.folded(all[start + $0]) == entry.words[$0] }) else { continue }
                let range = all[start].range.lowerBound..<all[end].range.upperBound
                // "GO Lab" is not "GO-Lab"; "Maitland-Hudson" is not "Maitland Hudson".
                guard entry.words.count == 1 || Self.spelling(text[range]) == entry.spelling else { continue }
                found.append((range, entry.term))
            }
        }
        return found
    }

    /// A 4,096-bit filter of first words: a few hundred forms leave most bits clear, so a word
    /// that starts none is turned away here nineteen times in twenty.
    private struct FirstWordFilter: Sendable {
        private var bits = [UInt64](repeating: 0, count: 64)

        init(_ words: some Sequence<FoldedWord>) {
            for word in words {
                let bit = Self.bit(word.foldedHash)
                bits[bit >> 6] |= 1 << (bit & 63)
            }
        }

        func contains(_ hash: UInt64) -> Bool {
            let bit = Self.bit(hash)
            return bits[bit >> 6] & (1 << (bit & 63)) != 0
        }

        private static func bit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash ^ hash >> 32) & 4095) }
    }

    /// Folded as words are, with each run of white space as one space.
    private static func spelling(_ text: Substring) -> String {
        NameFolding.fold(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}
