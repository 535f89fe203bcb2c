extension String {
    /// Every place `text` occurs, in order, ignoring case and accents as search does (a hit
    /// marked in the reader, a word found in the review list).
    func occurrences(of text: String) -> [Range<String.Index>] {
        guard !text.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var from = startIndex
        while let range = range(of: text, options: [.caseInsensitive, .diacriticInsensitive], range: from..<endIndex) {
            found.append(range)
            from = range.upperBound
        }
        return found
    }
}
