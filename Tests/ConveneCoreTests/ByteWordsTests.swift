@testable import ConveneCore
import Testing
import TestSupport

/// The eight-bytes-at-once checks must answer exactly what looking at each byte answers.
@Suite("Bytes looked at a word at a time")
struct ByteWordsTests {
    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteWords.word(at: 0, in: $0) }
    }

    @Test("each check agrees with a byte-by-byte look, for random words and every byte in every place")
    func agreesWithBytes() {
        var random = SeededGenerator(seed: 11)
        var cases: [[UInt8]] = (0..<20_000).map { _ in (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) } }
        // Printable words with one byte changed to each value, in each place: the edges of every range.
        for place in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = Array("abcdefgh".utf8)
                bytes[place] = value
                cases.append(bytes)
            }
        }
        for bytes in cases {
            let word = word(bytes)
            #expect(ByteWords.isPrintableASCII(word) == bytes.allSatisfy { (0x20...0x7E).contains($0) }, "\(bytes)")
            #expect(ByteWords.hasByte(below: 0x20, in: word) == bytes.contains { $0 < 0x20 }, "\(bytes)")
            #expect(ByteWords.hasByte(0x7F, in: word) == bytes.contains(0x7F), "\(bytes)")
            #expect(ByteWords.hasByte(0xC2, in: word) == bytes.contains(0xC2), "\(bytes)")
        }
    }

    @Test("a control character is made visible wherever it falls against the eight-byte words",
          arguments: ["\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{0}"])
    func controlAtEveryOffset(control: String) {
        for offset in 0..<24 {
            let text = String(repeating: "a", count: offset) + control + String(repeating: "é", count: 9)
            #expect(VisibleText.of(text) != text, "\(offset)")
            #expect(!VisibleText.of(text).unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(offset)")
        }
        // C1's lead byte alone (as in "Â", U+00C2) is no control character, at any offset.
        for offset in 0..<24 {
            let text = String(repeating: "a", count: offset) + "Â" + String(repeating: "b", count: 9)
            #expect(VisibleText.of(text) == text, "\(offset)")
        }
    }

    @Test("a text put on one line reads as splitting it at every line break and joining with spaces, whatever it holds")
    func oneLine() {
        var random = SeededGenerator(seed: 29)
        let pieces = ["word", " ", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "’", "é", "日本", "👩🏽‍💻",
                      "\u{2027}", "\u{202A}", "\u{84}", "Â", "\t"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            #expect(text.onOneLine == text.split(whereSeparator: \.isNewline).joined(separator: " "), "\(Array(text.unicodeScalars))")
            let part = text.dropFirst()
            #expect(part.onOneLine == part.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }

    @Test("text called plain is shown byte for byte as it is, on one line; anything else is not called plain")
    func plainText() {
        func plain(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { VisibleText.isPlain($0) } }
        var random = SeededGenerator(seed: 31)
        let pieces = ["word", " ", "Café", "日本語", "👩🏽‍💻", "’", "Â", "·", "…", "\u{2027}", "\u{202A}", "\u{FFFD}", "\n", "\r", "\t",
                      "\u{1B}[2J", "\u{7F}", "\u{0}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}", "\u{0B}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let shownAsIs = VisibleText.of(text) == text && text.onOneLine == text
            #expect(plain(Array(text.utf8)) == shownAsIs, "\(Array(text.unicodeScalars))")
        }
        // Bytes that are no UTF-8 at all: a lead byte cut off, a lone continuation, an overlong
        // slash, a surrogate, past U+10FFFF.
        for broken: [UInt8] in [[0x61, 0xC3], [0x80, 0x61], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            #expect(!plain(broken), "\(broken)")
            #expect(!plain(Array("outcomes ".utf8) + broken + Array(" outcomes".utf8)), "\(broken)")
        }
        #expect(plain([]))
    }

    @Test("plain is exactly valid UTF-8 without a control character or line break: every one- and two-byte sequence, the edges of every longer one, at every offset")
    func plainAgainstValidation() {
        func plain(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { VisibleText.isPlain($0) } }
        // The reference: Swift's own validation, then the checks the terminal's text goes through.
        func reference(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                (try? UTF8Span(validating: buffer.span)) != nil
                    && !TextRules.containsControl(buffer, allowingNewline: false) && !lineBreakIn(buffer)
            }
        }
        let edges: [UInt8] = [0x00, 0x0A, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x84, 0x85, 0x8F, 0x90, 0x9F, 0xA0, 0xA7, 0xA8, 0xA9,
                              0xAA, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var cases: [[UInt8]] = []
        for first in UInt8.min...UInt8.max {
            cases.append([first])
            for second in UInt8.min...UInt8.max { cases.append([first, second]) }
        }
        for lead in UInt8(0xE0)...0xF7 {
            for second in UInt8(0x7F)...0xC0 {
                for third in edges {
                    cases.append([lead, second, third])
                    for fourth in edges where lead >= 0xF0 { cases.append([lead, second, third, fourth]) }
                }
            }
        }
        for bytes in cases {
            #expect(plain(bytes) == reference(bytes), "\(bytes)")
        }
        // Inside text, at every offset against the eight-byte words, and cut off at the end.
        for bytes in [[0xC2, 0x85], [0xC2, 0xB7], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA6], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80]] as [[UInt8]] {
            for offset in 0..<17 {
                let text = Array(repeating: UInt8(ascii: "a"), count: offset) + bytes + Array("outcomes".utf8)
                #expect(plain(text) == reference(text), "\(text)")
                #expect(plain(Array(text.dropLast(9))) == reference(Array(text.dropLast(9))), "\(text)")
            }
        }
    }
}
