import Foundation
@testable import ConveneStore
import Testing
import TestSupport

/// A search that found nothing suggests the words the archive holds.
@Suite("Suggestions for a search that found nothing")
struct SearchSuggestionTests {
    private let texts = ["Building capabilities across the system.", "Capability matters; capabilities grow.", "Résumé of the day"]

    @Test("a misspelt word becomes the nearest word the texts hold; the commoner of two as near")
    func misspelt() {
        #expect(SearchQuery("capabilties").suggestion(from: texts) == "capabilities")
        #expect(SearchQuery("sytem").suggestion(from: texts) == "system")
        #expect(SearchQuery("resume").suggestion(from: texts) == nil, "a word the texts hold (accents aside) needs nothing")
    }

    @Test("words the texts hold or start stay as typed; a phrase stays a phrase; nothing near means no suggestion")
    func keptAndNone() {
        #expect(SearchQuery("build capabilties").suggestion(from: texts) == "build capabilities")
        #expect(SearchQuery("\"acros the sytem\"").suggestion(from: texts) == "\"across the system\"")
        #expect(SearchQuery("zanzibar").suggestion(from: texts) == nil)
        #expect(SearchQuery("cat").suggestion(from: texts) == nil, "a short word is allowed one edit only")
    }

    @Test("edits count letters put in, left out, changed and swapped, and stop past the limit",
          arguments: [("capabilties", "capabilities", 1), ("teh", "the", 1), ("sytem", "system", 1), ("outcmoes", "outcomes", 1),
                      ("kitten", "sitting", nil), ("abc", "abc", 0)] as [(String, String, Int?)])
    func distances(one: String, other: String, expected: Int?) {
        #expect(SearchQuery.editDistance(one, other, limit: 2) == expected)
    }
}

@Suite("Words as the index reads them")
struct SearchWordsTests {
    @Test("plain ASCII is split into words and folded by its bytes exactly as by its characters")
    func asciiWords() {
        var generator = SeededGenerator(seed: 41)
        let pieces = ["Outcomes", "trust", "O'Brien", "x2", "2026-04-02", "a_b", "@home", "[note]", "`code`", " ", "\n", "—", "~^", "ZZ", "{}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            let byCharacter = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
                .map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
            #expect(SearchQuery.words(in: text) == byCharacter, "\(text.debugDescription)")
        }
    }
}
