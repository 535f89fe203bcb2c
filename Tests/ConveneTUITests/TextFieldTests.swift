@testable import ConveneTUI
import Testing

/// The one text field of every screen: readline's keys, word wrap, the cursor always in view.
@Suite("Text field")
struct TextFieldTests {
    private func field(_ text: String, lines: Bool = true) -> TextField {
        TextField(text: text, allowsLineBreaks: lines)
    }

    private func edited(_ text: String, _ keys: Key...) -> TextField {
        var field = field(text)
        for key in keys { field.edit(with: key) }
        return field
    }

    @Test("moving: characters, words, line start and end, as in bash")
    func moving() {
        var field = edited("local state-led outcomes", .control("a"))
        #expect(field.cursor == 0)
        field.edit(with: .alt("f"))
        #expect(field.cursor == 5)
        field.edit(with: .alt("f"))
        #expect(field.cursor == 11) // "state", stopping at the hyphen
        field.edit(with: .alt("b"))
        #expect(field.cursor == 6)
        field.edit(with: .control("f"))
        field.edit(with: .control("b"))
        field.edit(with: .control("b"))
        #expect(field.cursor == 5)
        field.edit(with: .control("e"))
        #expect(field.cursor == field.characters.count)
        #expect(edited("one\ntwo three", .home).cursor == 4)
    }

    @Test("cutting and yanking: Ctrl-U, Ctrl-K, Ctrl-W, Alt-Backspace, Ctrl-Y")
    func cutting() {
        #expect(edited("keep this", .control("u")).text == "")
        #expect(edited("first line\nsecond", .control("u")).text == "first line\n")
        #expect(edited("keep this", .control("a"), .alt("f"), .control("k")).text == "keep")
        #expect(edited("state-led change", .control("w")).text == "state-led ")
        #expect(edited("state-led change", .control("w"), .control("w")).text == "")
        #expect(edited("state-led", .alt("\u{7F}")).text == "state-")
        #expect(edited("move this word", .control("w"), .control("a"), .control("y")).text == "wordmove this ")
        #expect(edited("a", .control("d")).text == "a" && edited("ab", .left, .delete).text == "a")
    }

    @Test("one-line fields turn line breaks into spaces; multi-line fields take Ctrl-J")
    func lineBreaks() {
        var single = field("one", lines: false)
        let handled = single.edit(with: .control("j"))
        #expect(!handled)
        single.insert("\ntwo")
        #expect(single.text == "one two")
        #expect(edited("one", .control("j"), .character("x")).text == "one\nx")
    }

    @Test("a field opened selected is replaced by typing, cleared by Backspace, kept by a movement")
    func selectedAll() {
        var typed = TextField(text: "Old theme", allowsLineBreaks: false, selectingAll: true)
        #expect(typed.isAllSelected)
        typed.edit(with: .character("N"))
        #expect(typed.text == "N" && !typed.isAllSelected)
        var cleared = TextField(text: "Old theme", selectingAll: true)
        cleared.edit(with: .backspace)
        #expect(cleared.text.isEmpty)
        var kept = TextField(text: "Old theme", selectingAll: true)
        kept.edit(with: .end)
        kept.edit(with: .character("s"))
        #expect(kept.text == "Old themes")
    }

    @Test("wrapping keeps words whole and the cursor within the width")
    func wrapping() {
        let layout = field("the effectiveness of place-based work").layout(width: 14)
        // A space that reaches the edge stays at the end of its row, taking no column.
        #expect(layout.rows == ["the ", "effectiveness ", "of place-based ", "work"])
        #expect(layout.rows.allSatisfy { DisplayWidth.of($0.trimmingCharacters(in: .whitespaces)) <= 14 })
        #expect(layout.cursorRow == layout.rows.count - 1 && layout.cursorColumn <= 14)
        // A word longer than a row is broken; nothing else is.
        #expect(field("abcdefghij klm").layout(width: 4).rows == ["abcd", "efgh", "ij ", "klm"])
        // Line breaks always start a row; the cursor after a full row starts the next.
        #expect(field("one\ntwo").layout(width: 10).rows == ["one", "two"])
        let full = field("abcd").layout(width: 4)
        #expect(full.rows == ["abcd", ""] && full.cursorRow == 1 && full.cursorColumn == 0)
    }

    @Test("wide characters and combining marks are measured as the terminal shows them")
    func wideCharacters() {
        let layout = field("日本語のテキスト").layout(width: 6)
        #expect(layout.rows == ["日本語", "のテキ", "スト"])
        #expect(layout.cursorColumn == 4)
        let combining = field("cafe\u{301} ok").layout(width: 5)
        #expect(combining.rows == ["café ", "ok"] && combining.cursorColumn == 2)
    }

    @Test("the cursor's row and column follow it through the text")
    func cursorPlace() {
        var field = field("first words then more words")
        field.edit(with: .control("a"))
        for _ in 0..<12 { field.edit(with: .right) }
        let layout = field.layout(width: 12)
        #expect(layout.rows[layout.cursorRow].hasPrefix("then") && layout.cursorColumn == 0)
        #expect(field.row(width: 12).text.hasPrefix("then"))
    }
}
