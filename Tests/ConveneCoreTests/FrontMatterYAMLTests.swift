@testable import ConveneCore
import Testing
import TestSupport
import Yams

/// The front matter skips Yams' resolver for texts no rule of it can match: what it writes must be
/// exactly what `String.represented()` writes, for every text.
@Suite("Front matter without Yams' resolver")
struct FrontMatterYAMLTests {
    private func emitted(_ node: Node) throws -> String { try Yams.serialize(node: node) }

    @Test("each text is written as Yams would write it, and reads back as the same string")
    func sameAsRepresented() throws {
        let known = [
            "", " ", "yes", "Yes", "YES", "yEs", "no", "NO", "On", "off", "true", "False", "null", "Null", "~", "y", "n",
            "2026", "2026-04-02", "2026-04-02 10:30:00", "-", "-1", "+3", ".5", ".inf", ".NaN", "0x1F", "0b101", "0o17",
            "1:30", "190:20:30", "<<", "=", "yes\n", "no\r", "null\u{2028}", "Trust and outcomes", "On the road",
            "The funders' view", "Yes, and", "Nothing", "a: b", "# not a comment", "key: value", "@handle", "`tick`",
            "Café", "日本の会議", "Learning 🌱 together", "'quoted'", "\"double\"", "tab\there", "end ", "[list]", "{map}",
            "!tag", "&anchor", "*alias", "|", ">", "%", "? question", "Trust # hash",
        ]
        var random = SeededGenerator(seed: 5)
        let alphabet = Array("yesnotrufalNULO0123456789-+.:~=<# \n\r'\"éあ🌱abcXYZ")
        let generated = (0..<3_000).map { _ in
            String((0..<Int.random(in: 1...7, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
        }
        for text in known + generated {
            let written = try emitted(FrontMatterYAML.text(text))
            #expect(written == (try emitted(.scalar(text.represented()))), "\(text.debugDescription)")
            #expect(try Yams.load(yaml: written) as? String == text, "\(text.debugDescription) read back from \(written.debugDescription)")
        }
    }

    @Test("the fast path is taken for ordinary titles, and never for a text a rule matches")
    func fastPathOnlyWhereNoRuleMatches() {
        #expect(!FrontMatterYAML.mightReadAsOther("Trust and outcomes"))
        #expect(!FrontMatterYAML.mightReadAsOther("日本の会議"))
        for text in ["yes", "OFF", "~", "", "12", "2026-04-02", ".inf", "<<", "=", "true\n"] {
            #expect(FrontMatterYAML.mightReadAsOther(text), "\(text.debugDescription)")
        }
    }
}
