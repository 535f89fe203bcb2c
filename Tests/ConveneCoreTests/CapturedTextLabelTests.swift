@testable import ConveneCore
import Foundation
import Testing
import TestSupport

/// The opening words that name a point wherever it is listed: in search results, the disclosure
/// check, the index's places.
@Suite("Captured text labels")
struct CapturedTextLabelTests {
    /// The label as it was made with Foundation's character sets, the reference the byte-level
    /// one must equal.
    private func reference(_ text: String) -> String {
        let head = text.prefix(29).map { $0.isNewline ? " " : $0 }
        guard head.count > 28 else { return "‘\(String(head))’" }
        return "‘\(String(head.prefix(27)).trimmingCharacters(in: .whitespaces))…’"
    }

    @Test("a point's opening words are cut and trimmed exactly as Foundation trims spaces, for any mix of spaces, line breaks and scripts")
    func openingWords() {
        var random = SeededGenerator(seed: 41)
        let pieces = ["word", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\u{200B}", "\n", "\r\n", "\u{2028}", "é", "e\u{301}",
                      "日本語", "👩🏽‍💻", "’", "—", "Résumé", ".", "\u{85}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            #expect(Session.opening(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
        #expect(Session.opening("Brown argued that targets distort what charities do") == "‘Brown argued that targets d…’")
        #expect(Session.opening("Short") == "‘Short’")
    }
}
