import ConveneCore
import Foundation
import Testing

/// No byte read from a file, a folder name or an argument reaches the terminal as a control
/// sequence: every command's output and every screen shows such bytes visibly instead.
@Suite("Nothing read can drive the terminal")
struct TerminalSafetyTests {
    /// C0, ESC, CSI, OSC ended by BEL and by ST, C1 (8-bit CSI and OSC) and DEL.
    static let hostile = "\u{01}\u{08}\u{1B}[2J\u{1B}]2;PWNED\u{07}\u{1B}]0;PWNED\u{1B}\\\u{9B}31m\u{9D}2;PWNED\u{9C}\u{7F}"

    /// Whether `text` holds any control character but line breaks and tabs.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
    }

    @Test("the sanitiser shows every control character and leaves other text alone")
    func sanitiser() {
        let shown = VisibleText.of(Self.hostile)
        #expect(!Self.hasControl(shown))
        #expect(shown.hasPrefix("␁␈␛[2J␛]2;PWNED␇"))
        #expect(shown.contains("␛[31m") && shown.hasSuffix("␡"))
        #expect(VisibleText.of("Café 日本語 👩🏽‍💻\nnext") == "Café 日本語 👩🏽‍💻␊next")
        #expect(VisibleText.of("line\nnext", keepingLineBreaks: true) == "line\nnext")
    }

    @Test("show, piped: a hostile notes file comes out with no control byte from the file")
    func showPiped() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = convene.home.appendingPathComponent("received.md")
        let table = "| a | b |\n| --- | --- |\n| \(Self.hostile) | x |\n"
        try "# Notes \(Self.hostile)\n\nHello \(Self.hostile) world\n\n- item \(Self.hostile)\n\n`code \(Self.hostile)`\n\n\(table)"
            .write(to: file, atomically: true, encoding: .utf8)
        let shown = try convene.run(["show", file.path, "--width", "80"])
        #expect(shown.status == 0)
        #expect(!Self.hasControl(shown.stdout), "control bytes reached the output")
        #expect(shown.stdout.contains("␛]2;PWNED␇"))
    }

    @Test("list, search, templates and error messages echo names and arguments visibly")
    func commandLine() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Plain", "--date", "2026-05-01"])
        try #require(created.status == 0)
        // A folder someone named with escape sequences, holding a real session.
        let planted = convene.sessions.appendingPathComponent("2026-05-02-\(Self.hostile)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), to: planted)
        // A user template whose summary carries an escape sequence.
        let templates = convene.home.appendingPathComponent("config/convene/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let yaml = "title: Trap\nsummary: \"x\\e]2;PWNED\\a\"\nkind: roundtable\nchatham-house: true\nagenda:\n  - title: Talk\n    phase: discussion\n    minutes: 5\n"
        try yaml.write(to: templates.appendingPathComponent("trap.yaml"), atomically: true, encoding: .utf8)

        let results = try [
            convene.run(["list"]), convene.run(["search", "Plain"]), convene.run(["templates"]),
            convene.run(["export", "2026-05-99\(Self.hostile)"]), convene.run(["show", "/nowhere/\(Self.hostile).md"]),
            convene.run(["new", "--template", "roundtable", "--title", "x", "--date", Self.hostile]),
            convene.run(["run", "2026-05-02"]),
        ]
        for result in results {
            #expect(!Self.hasControl(result.stdout) && !Self.hasControl(result.stderr), "\(result.stdout)\(result.stderr)")
        }
        #expect(results[0].stdout.contains("2026-05-02-␁␈␛[2J"))
        #expect(results[2].stderr.contains("trap.yaml:2") && results[2].stderr.contains("control character"), "\(results[2].stderr)")
        #expect(results[3].stderr.contains("␛]2;PWNED␇"))
    }

    @Test("show and review of hostile notes on a real terminal: title unchanged, screen not cleared")
    func onTerminal() throws {
        guard Tmux.available else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = convene.home.appendingPathComponent("received.md")
        try "# Received\n\nBefore \(Self.hostile) after\n".write(to: file, atomically: true, encoding: .utf8)
        for command in [["show", file.path], ["review", file.path]] {
            let tmux = try Tmux.convene(command, for: convene)
            let title = try tmux.display("#{pane_title}")
            let screen = try tmux.waitFor("after")
            #expect(screen.contains("Before ␁␈␛[2J␛]2;PWNED␇"))
            #expect(try tmux.display("#{pane_title}") == title)
            #expect(!title.contains("PWNED"))
        }
    }

    @Test("a Mermaid chart with NaN, infinite or huge coordinates is drawn without them, never a crash")
    func hostileChart() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = convene.home.appendingPathComponent("chart.md")
        let chart = """
            ```mermaid
            quadrantChart
                x-axis Little control --> Broad control
                y-axis Low uncertainty --> High uncertainty
                quadrant-1 "Placed"
                "Fine": [0.5, 0.5]
                Not a number: [NaN, 0.5]
                Infinite: [inf, 0.5]
                Huge: [1e308, 1e308]
                Negative: [-0.5, 0.2]
            ```
            """
        try chart.write(to: file, atomically: true, encoding: .utf8)
        let shown = try convene.run(["show", file.path, "--width", "80"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("1 Fine") && !shown.stdout.contains("Huge") && shown.stdout.contains("Placed"))
    }

    @Test("screens: a hostile folder name on home and review, hostile bytes pasted into a point")
    func screens() throws {
        guard Tmux.available else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Plain", "--date", "2026-05-01"])
        try #require(created.status == 0)
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // A folder named with escape sequences whose journal is damaged: its problem names it on screen.
        let planted = convene.sessions.appendingPathComponent("2026-05-02-\(Self.hostile)")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        try "not json\n".write(to: planted.appendingPathComponent("session.jsonl"), atomically: true, encoding: .utf8)

        for command in [["home"], ["review"]] {
            let tmux = try Tmux.convene(command, for: convene)
            let title = try tmux.display("#{pane_title}")
            let screen = try tmux.waitFor("Plain")
            if command == ["home"] { #expect(screen.contains("␛]2;PWNED␇"), "\(screen)") }
            #expect(try tmux.display("#{pane_title}") == title)
            try tmux.send("Escape")
            try tmux.send("q")
        }

        let tmux = try Tmux.convene(["run", folder], for: convene)
        let title = try tmux.display("#{pane_title}")
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.press("n", "n", "n", until: "3/8  Open discussion")
        try tmux.tmux(["set-buffer", "-b", "hostile", "Pasted \(Self.hostile) text"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "hostile", "-t", tmux.name])
        try tmux.waitFor("Pasted")
        try tmux.press("Enter", until: "✓ Saved")
        #expect(try tmux.display("#{pane_title}") == title)
        try tmux.send("q")
        try tmux.waitForExit()
        let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
        #expect(journal.contains("Pasted ") && !journal.contains("\\u001b") && !Self.hasControl(journal.replacingOccurrences(of: "\n", with: "")))
    }

    @Test("a crash while on screen gives the terminal back: main screen, cursor, the crash report readable")
    func crashRestoresTerminal() throws {
        guard Tmux.available else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = convene.home.appendingPathComponent("notes.md")
        try "# Notes\n\nSomething to read\n".write(to: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux.convene(["review", file.path], for: convene)
        try tmux.waitFor("Something to read")
        let alternate = { try tmux.display("#{alternate_on}") }
        #expect(try alternate() == "1")
        let pid = try #require(try tmux.pid())
        kill(pid, SIGSEGV)
        let deadline = Date().addingTimeInterval(10)
        while try alternate() != "0", Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try alternate() == "0", "still on the alternate screen after the crash")
        try tmux.waitFor("crashed")
        kill(pid, SIGKILL) // Swift's crash reporter may wait for a key
    }
}
