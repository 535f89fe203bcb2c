extension SearchQuery {
    /// For a search that found nothing: the query with each word the texts never hold replaced by
    /// the nearest word they do hold (one letter off for a short word, two for a longer one; the
    /// commoner word when two are as near), as a person would retype it. Nil when no word can be
    /// bettered.
    public func suggestion(from texts: some Sequence<String>) -> String? {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in Self.words(in: text) { counts[word, default: 0] += 1 }
        }
        var changed = false
        let suggested = terms.map { term in
            let words = term.words.map { word -> String in
                // A word the texts hold (or start, unquoted) is not a misspelling.
                if counts[word] != nil || (!term.isPhrase && counts.keys.contains { $0.hasPrefix(word) }) { return word }
                guard let nearest = Self.nearest(to: word, among: counts) else { return word }
                changed = true
                return nearest
            }
            return term.isPhrase ? "\"" + words.joined(separator: " ") + "\"" : words.joined(separator: " ")
        }
        return changed ? suggested.joined(separator: " ") : nil
    }

    private static func nearest(to word: String, among counts: [String: Int]) -> String? {
        let limit = word.count <= 4 ? 1 : 2
        var best: (word: String, distance: Int, count: Int)?
        for (candidate, count) in counts where abs(candidate.count - word.count) <= limit {
            guard let distance = editDistance(word, candidate, limit: limit) else { continue }
            if best.map({ distance < $0.distance || (distance == $0.distance && count > $0.count) }) ?? true {
                best = (candidate, distance, count)
            }
        }
        return best?.word
    }

    /// Edits (a letter put in, left out, changed, or two swapped) from `one` to `other`; nil
    /// beyond `limit`.
    static func editDistance(_ one: String, _ other: String, limit: Int) -> Int? {
        let a = Array(one), b = Array(other)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count), beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowBest = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return nil }
            (beforePrevious, previous) = (previous, current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
