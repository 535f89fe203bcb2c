/// Finds an abbreviated organisation written out in full: "Government Outcomes Lab" for GO Lab,
/// "New Local Government Network" for NLGN, "Digital, Culture, Media and Sport" for DCMS.
struct WrittenOutNames: Sendable {
    /// The abbreviations on the list, by the initials a written-out name must spell.
    private let byLetters: [String: Abbreviation]
    /// The fewest letters any of them has: a text with fewer capitalised words spells none
    /// (most texts), which is known before any run is formed.
    private let fewestLetters: Int

    init(_ byLetters: [String: Abbreviation]) {
        self.byLetters = byLetters
        fewestLetters = byLetters.keys.map(\.count).min() ?? .max
    }

    /// Each run of capitalised words (small words such as "for" and "and", and commas, may sit
    /// inside) whose initials spell an abbreviation on the list.
    func occurrences(in words: TextWords) -> [(Range<String.Index>, Abbreviation)] {
        guard words.capitalisedCount >= fewestLetters else { return [] }
        var found: [(Range<String.Index>, Abbreviation)] = []
        for run in Self.capitalisedRuns(in: words) {
            // Any stretch of the run that starts and ends on a capitalised word may be the name:
            // "the Department for Digital, Culture, Media and Sport" holds DCMS from its third word.
            let initials = run.map { word in String(words.text[word.range].prefix(1)).uppercased() }
            var start = 0
            while start < run.count {
                var matched = false
                for end in stride(from: run.count - 1, to: start, by: -1) {
                    if let abbreviation = byLetters[initials[start...end].joined()] {
                        found.append((run[start].range.lowerBound..<run[end].range.upperBound, abbreviation))
                        start = end + 1
                        matched = true
                        break
                    }
                }
                if !matched { start += 1 }
            }
        }
        return found
    }

    private static let smallWords = Set(NameParts.functionWords.map(FoldedWord.init))

    /// Runs of capitalised words; a small word, a comma or "&" may join two of them, and a hyphen
    /// or an apostrophe joins a word's parts ("Maitland-Hudson" is one word). Anything else ends a run.
    private static func capitalisedRuns(in words: TextWords) -> [[TextWords.Word]] {
        let text = words.text
        var runs: [[TextWords.Word]] = []
        var current: [TextWords.Word] = []
        var previousEnd: String.Index?
        var previousInRun = false
        for word in words.words {
            let gap = previousEnd.map { text.utf8[$0..<word.range.lowerBound] } ?? text.utf8[text.startIndex..<text.startIndex]
            previousEnd = word.range.upperBound
            if Self.joinsParts(gap) {
                guard previousInRun, let last = current.last else { continue }
                // The second part of a joined word: the word goes on, its initial is the first part's.
                current[current.count - 1].range = last.range.lowerBound..<word.range.upperBound
                continue
            }
            if !Self.joinsWords(gap) {
                runs.append(current)
                current = []
            }
            previousInRun = word.isCapitalised
            if word.isCapitalised {
                current.append(word)
            } else if !word.isASCII || !smallWords.contains(words.folded(word)) {
                // The small words are all ASCII: a word that is not cannot be one.
                runs.append(current)
                current = []
            }
        }
        runs.append(current)
        return runs.filter { $0.count > 1 }
    }

    /// A hyphen or an apostrophe, straight or curly, alone between two words.
    private static func joinsParts(_ gap: Substring.UTF8View) -> Bool {
        switch gap.count {
        case 1: return gap.first == UInt8(ascii: "-") || gap.first == UInt8(ascii: "'")
        case 3: return gap.elementsEqual("’".utf8)
        default: return false
        }
    }

    /// Only white space, commas and "&" between two words (read as bytes, as most gaps are ASCII).
    private static func joinsWords(_ gap: Substring.UTF8View) -> Bool {
        guard gap.allSatisfy({ $0 < 0x80 }) else { return Substring(gap).allSatisfy { $0.isWhitespace || $0 == "," || $0 == "&" } }
        return gap.allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "&") || (0x09...0x0D).contains($0) }
    }
}
