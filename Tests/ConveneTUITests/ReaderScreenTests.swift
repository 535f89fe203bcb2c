import ConveneCore
import ConveneTUI
import Foundation
import Testing

@Suite("Reading a document")
struct ReaderScreenTests {
    private func reader(width: Int = 80, height: Int = 24) throws -> (VirtualTerminal, Program) {
        let terminal = VirtualTerminal(width: width, height: height)
        let document = MarkdownDocument(parsing: try MarkdownLayoutTests.handEdited)
        let app = Program(terminal: terminal, root: ReaderScene(terminal: terminal, screen: ReaderScreen(title: "received by email.md", document: document)))
        app.draw()
        return (terminal, app)
    }

    private func press(_ app: Program, _ keys: Key...) {
        for key in keys { app.send(key) }
        app.draw()
    }

    @Test("? lists the reader's keys from its key table; j/k scroll it, any other key closes it")
    func help() throws {
        let (terminal, app) = try reader(height: 30)
        press(app, .character("?"))
        let shown = terminal.screen?.text ?? ""
        for binding in KeyMap.standard.reader { #expect(shown.contains(binding.help), "help lacks: \(binding.help)") }
        #expect(shown.contains("more lines · j"))
        press(app, .character("j"))
        #expect(terminal.screen?.text.contains("1 more line · k") == true)
        press(app, .character("x"))
        let after = terminal.screen?.text ?? ""
        #expect(!after.contains("show these keys"), "\(after)")
    }

    @Test("notes shown before their session has loaded take its title and series when it arrives, and `}` waits for them")
    func headingArrivesLater() throws {
        let terminal = VirtualTerminal(width: 80, height: 24)
        let next = SessionReference(folder: "2026-05-01-next", title: "The next one", date: "2026-05-01")
        let learnt = Prefetched<ReaderHeading?> {
            usleep(50_000)
            return ReaderHeading(title: "Learning and accountability · 2026-04-02 · read-only", series: ReaderSeries(next: next))
        }
        var opened: [String] = []
        let scene = ReaderScene(terminal: terminal, title: "2026-04-02-learning · read-only",
                                document: ArrivingDocument(parsing: "# Notes\n\nThe opening.\n"), heading: learnt,
                                reading: { reference in
                                    opened.append(reference.folder)
                                    return ReaderScene(terminal: terminal, screen: ReaderScreen(title: reference.title, document: MarkdownDocument(parsing: "# Next\n")))
                                })
        let app = Program(terminal: terminal, root: scene)
        app.draw()
        #expect(terminal.screen?.text.contains("2026-04-02-learning · read-only") == true, "the first frame does not wait for the session")
        app.send(.character("}"))
        app.draw()
        #expect(opened == ["2026-05-01-next"], "} waited for the series and followed it")
        #expect(scene.screen.title == "Learning and accountability · 2026-04-02 · read-only")
    }

    @Test("a long record opens laid out only near the top; the end, search, contents and the keys' rest reach all of it")
    func longRecordLaidOutLazily() throws {
        let sections = (1...1_500).map { "## Section \($0)\n\n- A point on outcomes number \($0), café 日本語\n- Another point, \($0)\n" }
        let markdown = "# A long record\n\n" + sections.joined(separator: "\n") + "\nThe very last line.\n"
        let document = MarkdownDocument(parsing: markdown)
        let complete = MarkdownLayout(width: 78).render(document)

        let terminal = VirtualTerminal(width: 80, height: 24)
        let scene = ReaderScene(terminal: terminal, screen: ReaderScreen(title: "long.md", document: document))
        let app = Program(terminal: terminal, root: scene)
        app.draw()
        #expect(!scene.screen.isLaidOut, "the whole record was laid out before the first screen")
        #expect(scene.hasIdleWork)
        #expect(terminal.screen?.text.contains("Section 1") == true)
        #expect(terminal.screen?.text.split(separator: "\n").first?.hasSuffix(" 0%") == true, "\(terminal.screen?.text ?? "")")

        press(app, .character("G"))
        #expect(terminal.screen?.text.contains("The very last line.") == true)
        #expect(terminal.screen?.text.contains("100%") == true)
        press(app, .character("g"), .character("/"))
        for character in "number 1499" { app.send(.character(character)) }
        press(app, .enter)
        #expect(terminal.screen?.text.contains("hit 1 of 1") == true)

        // Laid out while the keys rest, in steps, to exactly the whole layout.
        let resting = ReaderScene(terminal: terminal, screen: ReaderScreen(title: "long.md", document: document))
        _ = resting.render(width: 80, height: 24)
        var steps = 0
        while resting.hasIdleWork {
            resting.idle()
            steps += 1
        }
        #expect(steps > 1)
        press(Program(terminal: terminal, root: resting), .character("G"))
        #expect(terminal.screen?.text.contains("The very last line.") == true)
        let laidOut = MarkdownLayout(width: 78).render(document)
        #expect(laidOut.lines == complete.lines)
        #expect(laidOut.headings == complete.headings)
    }

    @Test("a record that is one long list with no blank line (a session's points) opens from a cut at a line break, past the opening's size")
    func longListOpensAtALineBreak() throws {
        let markdown = "---\ntitle: Points\n---\n# Points\n\n" + (1...4_000).map { "- Point \($0) on outcomes, café 日本語" }.joined(separator: "\n") + "\n"
        let arriving = ArrivingDocument(parsing: markdown)
        let whole = MarkdownDocument(parsing: markdown)
        _ = try #require(arriving.whole, "a record of \(markdown.utf8.count) bytes was parsed whole before the first screen")
        guard case .list(_, _, _, let opened)? = arriving.opening.blocks.last, case .list(_, _, _, let all)? = whole.blocks.last else {
            Issue.record("the opening ends in the list: \(arriving.opening.blocks.last.map(String.init(describing:)) ?? "nothing")")
            return
        }
        // Some 16 KiB of items (a dozen screens), each whole, and the whole record's first ones.
        #expect(opened.count > 300 && opened.count < all.count / 4, "\(opened.count) of \(all.count)")
        #expect(Array(all.prefix(opened.count)) == opened)
    }

    @Test("a long record's first screen comes from its opening alone, and is the whole record's first screen; the first key or pause brings in the rest")
    func longRecordOpensFromItsOpening() throws {
        let table = "| Context | Cause and effect | Control |\n| --- | --- | --- |\n" + (1...40).map { "| Place \($0) | 2 | 4 |" }.joined(separator: "\n")
        let sections = (1...1_500).map { "## Section \($0)\n\n- A point on outcomes number \($0), café 日本語 🙂\n- Another point, \($0)\n\n\(table)\n" }
        let markdown = "---\ntitle: A long record\n---\n# A long record\n\n" + sections.joined(separator: "\n") + "\nThe very last line.\n"
        let arriving = ArrivingDocument(parsing: markdown)
        let whole = MarkdownDocument(parsing: markdown)
        let pending = try #require(arriving.whole, "a record of \(markdown.utf8.count) bytes was parsed whole before the first screen")
        #expect(arriving.opening.blocks.count < whole.blocks.count / 10)
        #expect(arriving.opening.frontMatter == whole.frontMatter)
        // Cut between blocks: every block of the opening but perhaps its last is the whole's.
        #expect(Array(arriving.opening.blocks.dropLast()) == Array(whole.blocks.prefix(arriving.opening.blocks.count - 1)))
        #expect(pending.value == whole)

        func body(_ screen: Frame?) -> [Substring] { (screen?.text.split(separator: "\n", omittingEmptySubsequences: false) ?? []).dropFirst().dropLast() }
        let wholeTerminal = VirtualTerminal(width: 100, height: 30)
        Program(terminal: wholeTerminal, root: ReaderScene(terminal: wholeTerminal, screen: ReaderScreen(title: "long.md", document: whole))).draw()
        let terminal = VirtualTerminal(width: 100, height: 30)
        let scene = ReaderScene(terminal: terminal, title: "long.md", document: ArrivingDocument(parsing: markdown))
        let app = Program(terminal: terminal, root: scene)
        app.draw()
        #expect(body(terminal.screen) == body(wholeTerminal.screen))
        #expect(terminal.screen?.text.split(separator: "\n").first?.hasSuffix(" 0%") == true,
                "the position is in the whole record: \(terminal.screen?.text ?? "")")
        #expect(scene.hasIdleWork)

        // The first key reaches the whole record: the end is its end.
        press(app, .character("G"))
        #expect(terminal.screen?.text.contains("The very last line.") == true)
        #expect(terminal.screen?.text.contains("100%") == true)

        // Or the first pause takes it in, and the view stays at the top.
        let resting = ReaderScene(terminal: terminal, title: "long.md", document: ArrivingDocument(parsing: markdown))
        let restingApp = Program(terminal: terminal, root: resting)
        restingApp.draw()
        restingApp.pause()
        restingApp.draw()
        #expect(body(terminal.screen) == body(wholeTerminal.screen))
        #expect(terminal.screen?.text.split(separator: "\n").first == wholeTerminal.screen?.text.split(separator: "\n").first,
                "the position shown is the whole record's")
    }

    @Test("a record that is one long list with no blank line still opens from its opening, read from bytes or text, to the whole's first screen")
    func longListOpensFromItsOpening() throws {
        let points = (1...20_000).map { "- Point \($0) on outcomes and learning, café 日本語" }.joined(separator: "\n")
        let markdown = "---\ntitle: A long discussion\n---\n# A long discussion\n\n## Discussion\n\n" + points + "\n"
        let whole = MarkdownDocument(parsing: markdown)
        let wholeTerminal = VirtualTerminal(width: 100, height: 30)
        Program(terminal: wholeTerminal, root: ReaderScene(terminal: wholeTerminal, screen: ReaderScreen(title: "long.md", document: whole))).draw()
        for arriving in [ArrivingDocument(parsing: markdown), ArrivingDocument(parsing: Data(markdown.utf8))] {
            let pending = try #require(arriving.whole, "the whole list was parsed before the first screen")
            #expect(arriving.openingShare < 0.1)
            let terminal = VirtualTerminal(width: 100, height: 30)
            Program(terminal: terminal, root: ReaderScene(terminal: terminal, title: "long.md", document: arriving)).draw()
            #expect(terminal.screen?.text.split(separator: "\n").dropFirst().dropLast() == wholeTerminal.screen?.text.split(separator: "\n").dropFirst().dropLast())
            #expect(pending.value == whole)
        }
    }

    @Test("a short document is parsed whole at once")
    func shortDocumentParsedWhole() throws {
        let markdown = try MarkdownLayoutTests.handEdited
        let arriving = ArrivingDocument(parsing: markdown)
        #expect(arriving.whole == nil)
        #expect(arriving.opening == MarkdownDocument(parsing: markdown))
    }

    @Test("opens at the top with the title and position", .tags(.golden))
    func opening() throws {
        let (terminal, _) = try reader()
        try expectSnapshot(terminal.screen, named: "reader-top-80x24")
    }

    @Test("search finds hits, highlights them and steps between them; a miss says so", .tags(.golden))
    func search() throws {
        let (terminal, app) = try reader()
        press(app, .character("/"))
        for character in "context" { app.send(.character(character)) }
        press(app, .enter)
        try expectSnapshot(terminal.screen, named: "reader-search-80x24")
        #expect(terminal.screen?.text.contains("‘context’: hit 1 of") == true)
        press(app, .character("n"))
        #expect(terminal.screen?.text.contains("hit 2 of") == true)
        press(app, .character("N"))
        #expect(terminal.screen?.text.contains("hit 1 of") == true)
        press(app, .character("/"))
        for _ in 0..<7 { app.send(.backspace) }
        for character in "absent" { app.send(.character(character)) }
        press(app, .enter)
        #expect(terminal.screen?.text.contains("‘absent’ not found") == true)
    }

    @Test("the contents list every heading, and Enter jumps to one")
    func contents() throws {
        let (terminal, app) = try reader(height: 12)
        press(app, .character("t"))
        let text = try #require(terminal.screen?.text)
        #expect(text.contains("Contents") && text.contains("Points of agreement") && text.contains("Importance of context"))
        press(app, .character("j"), .character("j"), .enter)
        #expect(terminal.screen?.lines[1].contains("Importance of context") == true)
        press(app, .character("g"))
        #expect(terminal.screen?.lines[1].contains("title:") == true)
        press(app, .character("]"))
        #expect(terminal.screen?.lines[1].contains("Learning and accountability roundtable") == true)
    }

    @Test("a resize lays the document out again for the new width, and q closes")
    func resizeAndQuit() throws {
        let (terminal, app) = try reader()
        terminal.resize(width: 60, height: 20)
        press(app, .resize, .character("G"))
        for line in terminal.screen?.lines ?? [] { #expect(DisplayWidth.of(line) <= 60) }
        #expect(terminal.screen?.text.contains("code stays as typed") == true)
        app.send(.character("q"))
        #expect(app.isFinished)
    }
}
