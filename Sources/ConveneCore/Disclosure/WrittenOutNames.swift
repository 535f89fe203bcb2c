/// Finds an abbreviated organisation written out in full: "Government Outcomes Lab" for GO Lab,
/// "New Local Government Network" for NLGN, "Digital, Culture, Media and Sport" for DCMS.
enum WrittenOutNames {
    /// Each run of capitalised words (small words such as "for" and "and", and commas, may sit
    /// inside) whose initials spell an abbreviation on the list.
    static func occurrences(of byLetters: [String: Abbreviation], in words: TextWords) -> [(Range<String.Index>, Abbreviation)] {
        guard !byLetters.isEmpty else { return [] }
        var found: [(Range<String.Index>, Abbreviation)] = []
        for run in capitalisedRuns(in: words) {
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
            let gap = previousEnd.map { text[$0..<word.range.lowerBound] } ?? ""
            previousEnd = word.range.upperBound
            if gap == "-" || gap == "'" || gap == "’" {
                guard previousInRun, let last = current.last else { continue }
                // The second part of a joined word: the word goes on, its initial is the first part's.
                current[current.count - 1].range = last.range.lowerBound..<word.range.upperBound
                continue
            }
            if !gap.allSatisfy({ $0.isWhitespace || $0 == "," || $0 == "&" }) {
                runs.append(current)
                current = []
            }
            previousInRun = word.isCapitalised
            if word.isCapitalised {
                current.append(word)
            } else if !smallWords.contains(words.folded(word)) {
                runs.append(current)
                current = []
            }
        }
        runs.append(current)
        return runs.filter { $0.count > 1 }
    }
}
