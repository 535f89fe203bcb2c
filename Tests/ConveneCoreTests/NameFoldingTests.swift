import Foundation
@testable import ConveneCore
import Testing

struct NameFoldingTests {
    /// Words from the real session documents and the system's word lists, plus the spellings
    /// names come in: precomposed and combining accents, capitals with accents, letters that fold
    /// to two (ß, ﬁ), Greek, Cyrillic, CJK, emoji and curly apostrophes.
    private static func samples() -> [String] {
        var words = [
            "López", "LÓPEZ", "Lo\u{301}pez", "Ngā Tāngata", "O’Brien", "Straße", "ﬁnance", "Ærø", "Łódź", "İstanbul",
            "Ὀδυσσεύς", "ΣΟΦΙΑ", "Москва", "東京都", "한국어", "Zoë🎉", "Fundación", "ÅNGSTRÖM", "ǅemal", "\u{212A}elvin",
        ]
        let domain = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/domain")
        for file in (try? FileManager.default.contentsOfDirectory(at: domain, includingPropertiesForKeys: nil)) ?? [] {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            words += text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        for path in WordList.systemPaths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            words += text.split(separator: "\n").filter { $0.utf8.contains { $0 >= 0x80 } }.map(String.init)
        }
        return words
    }

    @Test("folding scalar by scalar gives what Foundation gives for the whole word")
    func sameAsFoundation() {
        let words = Self.samples()
        #expect(words.count > 20)
        for word in words {
            #expect(NameFolding.fold(word) == NameFolding.foundationFold(word), "\(word)")
        }
    }

    @Test("a word's hash is its folded spelling's, so a name is looked up the same either way")
    func hashes() {
        for word in Self.samples().prefix(2_000) {
            #expect(NameFolding.foldedHash(word) == FoldedWord(NameFolding.fold(word)).foldedHash, "\(word)")
        }
    }

    @Test("accents and case are gone, the apostrophe is straight")
    func examples() {
        #expect(NameFolding.fold("López") == "lopez")
        #expect(NameFolding.fold("Lo\u{301}pez") == "lopez")
        #expect(NameFolding.fold("O’Brien") == "o'brien")
        #expect(NameFolding.fold("ÉMILE") == "emile")
    }
}
