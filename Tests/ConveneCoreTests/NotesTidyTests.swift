@testable import ConveneCore
import Testing

struct NotesTidyTests {
    /// What tidying meant when it was written over characters: the reference for the byte version.
    private static func reference(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            blank = line.allSatisfy(\.isWhitespace) ? blank + 1 : 0
            if blank <= 1 { lines.append(line) }
        }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("runs of blank lines become one, trailing ones go, and the notes end with one newline")
    func examples() {
        #expect(NotesRenderer.tidy("# Title\n\n\n\n## Part\n") == "# Title\n\n## Part\n")
        #expect(NotesRenderer.tidy("a\n  \n\t\n\u{00A0}\nb\n\n\n") == "a\n  \nb\n")
        #expect(NotesRenderer.tidy("") == "\n")
        #expect(NotesRenderer.tidy("\n\n \n") == "\n")
        #expect(NotesRenderer.tidy("café ☕\n\n\n日本語") == "café ☕\n\n日本語\n")
    }

    @Test("the same as the character-by-character tidying for random lines of text, blanks and white space")
    func sameAsReference() {
        let pieces = ["", " ", "\t", "\u{00A0}", "\u{3000}", "text", "- point", "é", "🎉", "| a | b |", "  indented"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            }
            let text = lines.joined(separator: "\n")
            #expect(NotesRenderer.tidy(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
