import ConveneTUI
import TestSupport
import Testing

@Suite("Frames and text layout")
struct FrameTests {
    @Test("characters take their real widths")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("café £5") == 7)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1) // e + combining acute
        #expect(DisplayWidth.of("“quoted”") == 8)
    }

    @Test("a text measures as the sum of its characters, whatever scripts, marks and emoji it mixes")
    func textWidthIsCharacterSum() {
        let pieces = ["a", " ", "é", "e\u{301}", "日本語", "한국어", "\u{1100}\u{1161}\u{11A8}", "👍", "👩🏽‍💻", "☺️", "☺", "🇬🇧", "1️⃣", "©", "™",
                      "—", "“", "ñ", "\u{0308}", "Ω", "ا", "\u{200B}", "\u{00AD}", "中", "🏳️‍🌈", "x\u{20DD}", "\u{FF21}",
                      // Runs of ASCII longer than the eight bytes measured at once, and controls inside them.
                      "plain ASCII words", "0123456789abcdef", "\t", "\u{7F}", "\u{1B}[31m", "~"]
        for seed in UInt64(0)..<800 {
            var generator = SeededGenerator(seed: seed)
            let text = (0..<Int.random(in: 1...24, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
        }
    }

    @Test("wide characters fill two cells and are never cut in half; what is cut ends in …")
    func wideCells() {
        var frame = Frame(width: 6, height: 1)
        let used = frame.put("a日本語", row: 0, column: 0)
        #expect(used == 6)
        #expect(frame.lines == ["a日本…"])
        #expect(frame[0, 2].isContinuation)
        var exact = Frame(width: 5, height: 1)
        exact.put("a日本語", row: 0, column: 0)
        #expect(exact.lines == ["a日…"], "the last wide character gives way to the ellipsis")
        var rule = Frame(width: 4, height: 1)
        rule.put("ab──────   ", row: 0, column: 0)
        #expect(rule.lines == ["ab──"], "a rule or blanks run off without one")
    }

    @Test("truncation and wrapping respect display width")
    func layout() {
        // Cut after a whole word where one ends in the second half of what fits, else where it must.
        #expect(TextLayout.truncate("Open discussion", to: 8) == "Open…")
        #expect(TextLayout.truncate("Interim outcomes and influence", to: 15) == "Interim…")
        #expect(TextLayout.truncate("Interim outcomes and influence", to: 22) == "Interim outcomes and…")
        #expect(TextLayout.truncate("Unbreakablewordhere", to: 8) == "Unbreak…")
        #expect(TextLayout.truncate("日本語の会議", to: 7) == "日本語…")
        #expect(TextLayout.wrap("Complex contexts need adaptive practice", width: 16)
            == ["Complex contexts", "need adaptive", "practice"])
        #expect(TextLayout.wrap("日本語の会議です", width: 6) == ["日本語", "の会議", "です"])
        #expect(TextLayout.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }
}
