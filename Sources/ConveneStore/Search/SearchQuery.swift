import Foundation

/// What a person typed to search the archive, read the way the index reads it: words, each the
/// start of a word in the text (`resum` finds "Résumé"), all of them somewhere in the same text;
/// a "quoted phrase" is those words in that order. Case and accents never matter.
///
/// The index (SQLite FTS5) and the scan over the journals used without it answer the same query
/// the same way; the tests compare the two over a random archive.
public struct SearchQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// Folded (lower case, no accents) words.
        public var words: [String]
        /// Quoted: the words in order, each whole. Unquoted: one word, matching any word it starts.
        public var isPhrase: Bool
    }

    public let terms: [Term]

    /// The most words a search may hold. No one searches for more; a pasted paragraph or a
    /// generated list would make the index and the scan compare every one of them against every
    /// text. A longer query is refused with `tooLong` (the review list searches its first words).
    public static let maximumWords = 100

    /// Every word of every term.
    public var wordCount: Int { terms.reduce(0) { $0 + $1.words.count } }

    /// Why this query cannot be searched, when it holds more than `maximumWords` words.
    public var tooLong: String? {
        let count = wordCount
        guard count > Self.maximumWords else { return nil }
        return "a search takes at most \(Self.maximumWords) words, and this one has \(count); search for a few words that stand out"
    }

    /// The query cut to its first `maximumWords` words (a phrase cut short is left out whole).
    public var limited: SearchQuery {
        var kept: [Term] = []
        var count = 0
        for term in terms where count + term.words.count <= Self.maximumWords {
            kept.append(term)
            count += term.words.count
        }
        return SearchQuery(terms: kept)
    }

    private init(terms: [Term]) {
        self.terms = terms
    }

    public init(_ typed: String) {
        var terms: [Term] = []
        // Split on double quotes: the odd parts were quoted.
        for (index, part) in typed.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let words = Self.words(in: String(part))
            if index % 2 == 1 {
                if !words.isEmpty { terms.append(Term(words: words, isPhrase: true)) }
            } else {
                terms += words.map { Term(words: [$0], isPhrase: false) }
            }
        }
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The query in FTS5's language: `"resum"*` for a word, `"how outcomes are"` for a phrase.
    var ftsExpression: String {
        terms.map { term in
            let quoted = "\"" + term.words.joined(separator: " ") + "\""
            return term.isPhrase ? quoted : quoted + "*"
        }.joined(separator: " ")
    }

    /// Whether `text` holds every term; the range of the first term's first match, for an excerpt.
    public func firstMatch(in text: String) -> Range<String.Index>? {
        guard !terms.isEmpty else { return nil }
        let ranges = Self.wordRanges(in: text)
        let folded = ranges.map { Self.fold(String(text[$0])) }
        var first: Range<String.Index>?
        for term in terms {
            guard let found = Self.find(term, in: folded) else { return nil }
            if first == nil { first = ranges[found].lowerBound..<ranges[found + term.words.count - 1].upperBound }
        }
        return first
    }

    private static func find(_ term: Term, in words: [String]) -> Int? {
        guard words.count >= term.words.count else { return nil }
        for start in 0...(words.count - term.words.count) {
            if term.isPhrase {
                if Array(words[start..<(start + term.words.count)]) == term.words { return start }
            } else if words[start].hasPrefix(term.words[0]) {
                return start
            }
        }
        return nil
    }

    /// Words as FTS5's unicode61 tokenizer reads them: runs of letters and digits.
    static func wordRanges(in text: String) -> [Range<String.Index>] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWordRanges(in: text) }
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        for index in text.indices {
            let isWord = text[index].isLetter || text[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        return ranges
    }

    /// `wordRanges` for plain ASCII, read as bytes: letters and digits are A–Z, a–z and 0–9 there,
    /// and asking each character what it is was most of looking for a suggestion.
    private static func asciiWordRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        let bytes = text.utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index] | 0x20
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = bytes.index(after: index)
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        return ranges
    }

    static func words(in text: String) -> [String] {
        wordRanges(in: text).map { fold(String(text[$0])) }
    }

    static func fold(_ word: String) -> String {
        // Most words are plain ASCII, where folding is lower-casing: Foundation's folding goes
        // through NSString, which made a search that found nothing (and so looked for a
        // suggestion among every word of the archive) take ten times as long.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
