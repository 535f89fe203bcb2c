/// Finds an abbreviated organisation written out in full: "Government Outcomes Lab" for GO Lab,
/// "New Local Government Network" for NLGN, "Digital, Culture, Media and Sport" for DCMS.
enum WrittenOutNames {
    /// Each run of capitalised words (small words such as "for" and "and", and commas, may sit
    /// inside) whose initials spell an abbreviation on the list.
    static func occurrences(of abbreviations: [Abbreviation], in text: String) -> [(Range<String.Index>, Abbreviation)] {
        guard !abbreviations.isEmpty else { return [] }
        var found: [(Range<String.Index>, Abbreviation)] = []
        for run in capitalisedRuns(in: text) {
            // Any stretch of the run that starts and ends on a capitalised word may be the name:
            // "the Department for Digital, Culture, Media and Sport" holds DCMS from its third word.
            var start = 0
            while start < run.count {
                var matched = false
                for end in stride(from: run.count - 1, through: start, by: -1) where end - start + 1 > 1 {
                    let initials = run[start...end].map { String($0.word.prefix(1)).uppercased() }.joined()
                    if let abbreviation = abbreviations.first(where: { $0.letters == initials }) {
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

    private struct CapitalisedWord {
        var word: Substring
        var range: Range<String.Index>
    }

    /// Runs of capitalised words; a small word or comma may join two of them, a full stop ends one.
    private static func capitalisedRuns(in text: String) -> [[CapitalisedWord]] {
        var runs: [[CapitalisedWord]] = []
        var current: [CapitalisedWord] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character.isLetter else {
                if !(character.isWhitespace || character == "," || character == "&") {
                    runs.append(current)
                    current = []
                }
                index = text.index(after: index)
                continue
            }
            let end = text[index...].firstIndex { !($0.isLetter || $0 == "-" || $0 == "'" || $0 == "’") } ?? text.endIndex
            let word = text[index..<end]
            if word.first?.isUppercase == true {
                current.append(CapitalisedWord(word: word, range: index..<end))
            } else if !NameParts.functionWords.contains(String(word)) {
                runs.append(current)
                current = []
            }
            index = end
        }
        runs.append(current)
        return runs.filter { $0.count > 1 }
    }
}
