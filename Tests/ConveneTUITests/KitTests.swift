@testable import ConveneTUI
import TestSupport
import Testing

/// The kit every screen is built from: rectangles and their splits, the one wrap, the one list.
@Suite("Screen kit")
struct KitTests {
    @Test("a split gives fixed parts their size and shares the rest by weight; too little room shrinks the last fixed parts")
    func split() {
        let screen = Rect(x: 0, y: 0, width: 100, height: 30)
        let rows = screen.rows([.fixed(1), .flexible(), .fixed(3), .fixed(1)])
        #expect(rows.map(\.height) == [1, 25, 3, 1])
        #expect(rows.map(\.y) == [0, 1, 26, 29])
        let columns = screen.columns([.fixed(30), .fixed(1), .flexible(2), .flexible(1)])
        #expect(columns.map(\.width) == [30, 1, 46, 23])
        #expect(columns.last?.right == 100)
        let cramped = Rect(x: 5, y: 2, width: 10, height: 4).rows([.fixed(3), .fixed(3), .flexible()])
        #expect(cramped.map(\.height) == [3, 1, 0])
        #expect(Rect(x: 2, y: 3, width: 10, height: 5).inset(left: 1, right: 2, top: 1, bottom: 1) == Rect(x: 3, y: 4, width: 7, height: 3))
    }

    @Test("the one wrap: on words, long words broken, wide characters never split, line breaks kept")
    func wrap() {
        #expect(WordWrap.lines("measures of effectiveness matter", width: 12) == ["measures of", "effectivenes", "s matter"])
        #expect(WordWrap.lines("一二三四五", width: 4) == ["一二", "三四", "五"])
        // A character wider than the row gets a row of its own, and no empty rows appear.
        #expect(WordWrap.lines("一二", width: 1) == ["一", "二"])
        #expect(WordWrap.lines("first\n\nthird", width: 20) == ["first", "", "third"])
        let styled = WordWrap.lines([Span("bold", .heading), Span(" and plain words")], width: 9)
        #expect(styled.map(\.text) == ["bold and", "plain", "words"])
        #expect(styled[0].spans.first == Span("bold", .heading))
        // The field wraps exactly as the saved text will.
        let text = "Whether accountability should run upwards to funders or outwards to communities"
        #expect(TextField(text: text).layout(width: 23).rows.map { $0.trimmingCharacters(in: .whitespaces) } == TextLayout.wrap(text, width: 23))
    }

    @Test("styled text wraps a word at a time exactly as its plain text wraps a character at a time; no row runs past the width")
    func wrapByWords() {
        let tokens = ["a", "word", "measurement", "accountabilities", " ", " ", "  ", "\n", "一", "二三", "👩🏽‍💻", "é", "e\u{301}",
                      " \u{301}", "café", "—", ",", "日本語の文章"]
        for seed in UInt64(0)..<1_500 {
            var generator = SeededGenerator(seed: seed)
            let characters = Array((0..<Int.random(in: 0...24, using: &generator)).map { _ in tokens.randomElement(using: &generator) ?? "" }.joined())
            // Cut into spans at random characters, with alternating styles.
            var spans: [Span] = []
            var start = 0
            while start < characters.count {
                let end = min(characters.count, start + Int.random(in: 1...8, using: &generator))
                spans.append(Span(String(characters[start..<end]), spans.count.isMultiple(of: 2) ? .plain : .heading))
                start = end
            }
            let text = String(characters)
            let width = Int.random(in: 1...30, using: &generator)
            let styled = WordWrap.lines(spans, width: width)
            #expect(styled.map(\.text) == WordWrap.lines(text, width: width), "seed \(seed): \(text.debugDescription) at \(width)")
            for line in styled where line.width > width {
                #expect(line.text.count == 1, "seed \(seed): ‘\(line.text)’ is wider than \(width)")
            }
        }
    }

    private func list(count: Int, focus: ListView.Focus, height: Int, rowsEach: Int = 1) -> [String] {
        var frame = Frame(width: 30, height: height)
        ListView(noun: ("point", "points"), keys: KeyMap.standard.listMarks).draw(count: count, focus: focus, into: &frame, in: frame.bounds) { index in
            (0..<rowsEach).map { ListRow("entry \(index)" + ($0 > 0 ? " more" : "")) }
        }
        return frame.lines
    }

    @Test("a list that fits shows everything and no markers")
    func fits() {
        #expect(list(count: 3, focus: .selected(0), height: 5) == ["entry 0", "entry 1", "entry 2", "", ""])
    }

    @Test("a list that overflows says how many are out of view on rows of its own, at either edge")
    func overflow() {
        let top = list(count: 20, focus: .selected(0), height: 6)
        #expect(top == ["", "entry 0", "entry 1", "entry 2", "entry 3", "↓ 16 more points · j"])
        let bottom = list(count: 20, focus: .selected(19), height: 6)
        #expect(bottom == ["↑ 16 more points · k", "entry 16", "entry 17", "entry 18", "entry 19", ""])
        let middle = list(count: 20, focus: .selected(10), height: 6)
        #expect(middle.first == "↑ 7 more points · k")
        #expect(middle.contains("entry 10"))
        #expect(middle.last == "↓ 9 more points · j")
        #expect(list(count: 2, focus: .selected(0), height: 6, rowsEach: 5).last == "↓ 1 more point · j")
        // Out-of-range focus is held to the list.
        #expect(list(count: 3, focus: .selected(99), height: 5).contains("entry 2"))
    }

    @Test("the selected entry is highlighted across the list's width; headings above it are not")
    func selection() {
        var frame = Frame(width: 20, height: 4)
        ListView(noun: ("point", "points"), keys: KeyMap.standard.listMarks).draw(count: 2, focus: .selected(1), into: &frame, in: frame.bounds) { index in
            [ListRow("theme", style: .heading, highlights: false), ListRow("entry \(index)", indent: 2)]
        }
        #expect(frame[3, 2].style == .selected)
        #expect(frame[3, 19].style == .selected)
        #expect(frame[2, 0].style == .heading)
        #expect(frame[1, 2].style == .plain)
    }

    @Test("scrolled from the top, and after a resize the same entry still leads")
    func scrolled() {
        #expect(list(count: 30, focus: .top(10), height: 6)[1] == "entry 10")
        #expect(list(count: 30, focus: .top(10), height: 12)[1] == "entry 10")
        // Scrolled past the end, the last entries fill the list.
        #expect(list(count: 30, focus: .top(29), height: 6).suffix(2) == ["entry 29", ""])
        #expect(list(count: 30, focus: .top(29), height: 6)[1] == "entry 26")
    }
}

/// The one loop: every screen is a scene under the same guard, tick and stack.
@Suite("Program loop")
struct ProgramTests {
    private func scenes(on terminal: VirtualTerminal) throws -> [(String, any Scene)] {
        let session = try MemoryBackend()
        let document = MarkdownDocument(parsing: "# Notes\n\n- A point\n")
        return [
            ("live", LiveScene(terminal: terminal, backend: session, clock: { session.now })),
            ("home", HomeScene(backend: MemoryHome(), today: "2026-04-02")),
            ("review", ReviewScene(terminal: terminal, backend: MemoryReview())),
            ("reader", ReaderScene(terminal: terminal, screen: ReaderScreen(title: "notes.md", document: document))),
            ("follow", FollowScene(backend: QueuedSessions(), session: session.session, clock: { session.now })),
        ]
    }

    @Test("every screen says when the terminal is too small, keeps taking keys, and comes back when it grows")
    func tooSmall() throws {
        let terminal = VirtualTerminal(width: 80, height: 24)
        for (name, scene) in try scenes(on: terminal) {
            terminal.resize(width: 80, height: 24)
            let program = Program(terminal: terminal, root: scene)
            terminal.resize(width: 20, height: 5)
            program.send(.resize)
            program.draw()
            #expect(terminal.screen?.text.contains("Terminal too small") == true, "\(name)")
            #expect(terminal.screen?.text.contains("20×5") == true, "\(name)")
            terminal.resize(width: 80, height: 24)
            program.send(.resize)
            program.draw()
            #expect(terminal.screen?.text.contains("too small") == false, "\(name)")
            #expect(!program.isFinished, "\(name)")
        }
    }

    @Test("q on a scene opened over another goes back to it; q on the last ends the program")
    func stack() throws {
        let terminal = VirtualTerminal(width: 80, height: 24)
        let program = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        program.send(.enter)
        #expect(program.scenes.count == 2)
        program.send(.character("q"))
        #expect(program.scenes.count == 1)
        program.send(.escape)
        #expect(program.isFinished)
    }
}
