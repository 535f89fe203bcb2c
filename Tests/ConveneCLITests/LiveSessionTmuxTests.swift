import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The live session as a person meets it: the real binary, in tmux.
@Suite("Live session in a real terminal", .serialized, .enabled(if: Tmux.available || ProcessInfo.processInfo.environment["CI"] == "true"))
struct LiveSessionTmuxTests {
    private func start(_ convene: ConveneProcess, template: String = "roundtable", title: String = "Learning and accountability") throws -> (String, Tmux) {
        let created = try convene.run(["new", "--template", template, "--title", title, "--date", "2026-04-02"])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE")
        return (folder, tmux)
    }

    private func notes(_ folder: String) throws -> String {
        try String(contentsOfFile: folder + "/notes.md", encoding: .utf8)
    }

    @Test("a roundtable from template to notes: agenda, points of each kind, undo, quit")
    func roundtable() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n")
        try tmux.waitFor("1/8  Welcome")
        try tmux.send("n", "n")
        try tmux.waitFor("3/8  Open discussion")
        try tmux.send("a")
        try tmux.waitFor("Enter save")
        try tmux.type("Measures matter, but how they are used matters more.")
        try tmux.send("Tab")
        try tmux.waitFor("agree      ›")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved agreement point")
        try tmux.send("a")
        try tmux.type("Who should define outcomes?")
        try tmux.send("M-4", "Enter")
        try tmux.waitFor("✓ Saved question / dilemma point")
        try tmux.send("a")
        try tmux.type("A slip to undo")
        try tmux.send("Enter")
        try tmux.waitFor("A slip to undo")
        try tmux.send("u")
        try tmux.waitFor("✓ Undone and saved")
        try tmux.send("n")
        try tmux.waitFor("4/8  Where we agree")
        try tmux.send("q")
        try tmux.waitForExit()

        let written = try notes(folder)
        #expect(written.contains("## Points of agreement\n\n- Measures matter, but how they are used matters more."))
        #expect(written.contains("## Questions and dilemmas\n\n- Who should define outcomes?"))
        #expect(!written.contains("A slip to undo"))
        #expect(written.contains("| 3 | Open discussion | Discussion | 25 min | 0 min |"))
    }

    @Test("the agenda overlay: item 6 started straight away with no times on items 1 to 5; an item added and moved")
    func replanning() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("o")
        try tmux.waitFor("Projected end")
        try tmux.send("j", "j", "j", "j", "j", "Enter")
        try tmux.waitFor("Now on item 6")
        // Starting an item closed the agenda: o opens it again.
        try tmux.send("o")
        try tmux.waitFor("Projected end")
        try tmux.send("a")
        try tmux.waitFor("new item after item 6")
        try tmux.type("Funders' questions")
        try tmux.send("Enter")
        try tmux.waitFor("Added as item 7")
        // The new item is selected.
        try tmux.send("K")
        try tmux.waitFor("Moved to 6")
        try tmux.send("Escape", "q")
        try tmux.waitForExit()

        let items = try JournalFile.replayed(URL(fileURLWithPath: folder + "/session.jsonl")).session.agenda.elements
        #expect(items.count == 9)
        #expect(items[5].title == "Funders' questions")
        #expect(items.prefix(5).allSatisfy { $0.startedAt == nil }, "an item before 6 was timed")
        #expect(items[6].startedAt != nil && items[6].endedAt == nil, "the sixth item of the plan is under way")
        #expect(try notes(folder).contains("| 6 | Funders' questions |"))
    }

    @Test("an item inside its warning time rings the terminal's bell and flashes its clock; --quiet does neither")
    func overrunBell() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Bells", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Warned 60 minutes before the end: the first item is inside its warning time as it starts.
        let tmux = try Tmux.convene(["run", folder, "--alert-before", "60"], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE")
        #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{window_bell_flag}"]).hasPrefix("0"))
        try tmux.send("n")
        try tmux.waitFor("min left")
        #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{window_bell_flag}"]).hasPrefix("1"), "no bell")
        try tmux.send("q")
        try tmux.waitForExit()

        let quiet = try Tmux.convene(["run", folder, "--alert-before", "60", "--quiet"], for: convene)
        try quiet.waitFor("CHATHAM HOUSE RULE")
        try quiet.send("p", "n")
        try quiet.waitFor("Now on")
        #expect(try !quiet.screen().contains("min left"))
        #expect(try quiet.tmux(["display-message", "-p", "-t", quiet.name, "#{window_bell_flag}"]).hasPrefix("0"), "rang under --quiet")
        try quiet.send("q")
        try quiet.waitForExit()
    }

    @Test("follow shows a context rated from a script on the 2×2, and --no-points only the agenda")
    func followShowsTheGrid() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, live) = try start(convene)
        try live.send("n", "n", "n", "n", "n", "n")
        try live.waitFor("6/8  Which contexts")
        try live.send("q")
        try live.waitForExit()
        let rated = try convene.run(["add", folder, "context", "Funding cycles", "--uncertainty", "5", "--control", "1"])
        #expect(rated.status == 0, "\(rated.stderr)")

        let follow = try Tmux.convene(["follow", folder], for: convene)
        let screen = try follow.waitFor("Funding cycles · 1 rating")
        #expect(screen.contains("control over outcomes →"))
        #expect(screen.contains("↑ uncertainty"))
        try follow.send("q")
        try follow.waitForExit()

        let projector = try Tmux.convene(["follow", folder, "--no-points"], for: convene)
        let agenda = try projector.waitFor("▶ 6  Which contexts")
        #expect(!agenda.contains("Funding cycles"))
        try projector.send("q")
        try projector.waitForExit()
    }

    @Test("the mouse wheel scrolls the reader, a line a notch, down and back up")
    func wheelScrolls() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = convene.home.appendingPathComponent("long.md")
        try ("# Long\n\n" + (0..<200).map { "Line \($0) of the document.\n" }.joined(separator: "\n")).write(to: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux.convene(["review", file.path], for: convene)
        let first = try tmux.waitFor("Line 0 of the document.")
        #expect(!first.contains("Line 13 of the document."))
        // What a terminal sends for a notch of the wheel (X10 encoding: button 65 down, 64 up, at column 1, row 1).
        for _ in 0..<6 { try tmux.send("\u{1B}[Ma!!", literal: true) }
        let scrolled = try tmux.waitFor("Line 13 of the document.")
        #expect(!scrolled.contains("# Long") && !scrolled.contains(" Long\n"))
        for _ in 0..<6 { try tmux.send("\u{1B}[M`!!", literal: true) }
        try tmux.waitFor(" Long")
        #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{mouse_any_flag}"]).hasPrefix("1"))
        try tmux.send("q")
        try tmux.waitForExit()
        // The terminal is given back without mouse reporting: the shell after it gets no mouse codes.
        #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{mouse_any_flag}"]).hasPrefix("0"))
    }

    @Test("a click in a real terminal selects the point under it: d deletes that one")
    func clickSelects() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n")
        for text in ["Purpose before targets", "Trust before data", "Time before money"] {
            try tmux.send("a")
            try tmux.type(text)
            try tmux.send("Enter")
            try tmux.waitFor("✓ Saved")
            try tmux.waitFor(text)
        }
        let screen = try tmux.waitFor("Trust before data")
        let lines = screen.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("Trust before data") })
        let column = try #require(lines[row].range(of: "Trust")).lowerBound.utf16Offset(in: lines[row])
        // What a terminal sends when the left button goes down and up (X10 encoding: button, then
        // column and row counted from 1, each plus 32).
        func at(_ button: Int) -> String {
            String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(32 + column + 1))) + String(UnicodeScalar(UInt8(32 + row + 1)))
        }
        try tmux.send("\u{1B}[M" + at(0), literal: true)
        try tmux.send("\u{1B}[M" + at(3), literal: true)
        try tmux.send("d")
        try tmux.waitFor("✓ Deleted")
        let kept = try JournalFile.replayed(URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")).session.points.elements.map(\.text)
        #expect(kept == ["Purpose before targets", "Time before money"])
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test("the seed's 37 people imported on screen (A, then I): five with apologies, one change that u takes back")
    func importOnScreen() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        let file = convene.home.appendingPathComponent("registrations.csv")
        try AttendeeImportTests.csv().write(to: file, atomically: true, encoding: .utf8)
        try tmux.send("A", "I")
        try tmux.waitFor("CSV file to import")
        try tmux.type(file.path)
        try tmux.send("Enter")
        try tmux.waitFor("Imported 37 people, 5 with apologies")
        let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
        let people = try JournalFile.replayed(journal).session.attendees.elements
        #expect(people.map(\.name) == AttendeeImportTests.seed.map { $0.name.replacingOccurrences(of: " (Chair)", with: "") })
        #expect(people.filter(\.apologies).count == 5)
        #expect(people.first?.role == .chair)
        try tmux.send("Escape", "u")
        try tmux.waitFor("✓ Undone")
        #expect(try JournalFile.replayed(journal).session.attendees.isEmpty)
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test("a whole roundtable on screen: attendees, themes, a divergence table, two rated contexts, next steps")
    func wholeRoundtable() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        func prompt(_ text: String, then wait: String) throws {
            try tmux.type(text)
            try tmux.send("Enter")
            try tmux.waitFor(wait)
        }
        // Attendees, one with apologies.
        try tmux.send("A", "a")
        try prompt("Rob Pollock", then: "organisation")
        try prompt("Social Finance", then: "✓ Added Rob Pollock")
        try tmux.send("R")
        try tmux.waitFor("Rob Pollock: chair")
        try tmux.send("a")
        try prompt("Tris Lumley", then: "organisation")
        try prompt("NPC", then: "✓ Added Tris Lumley")
        try tmux.send("x")
        try tmux.waitFor("sent apologies")
        try tmux.send("Escape")
        // Item 4, agreement: two themes.
        try tmux.send("n", "n", "n", "n")
        try tmux.waitFor("4/8  Where we agree")
        try tmux.send("T")
        try prompt("Importance of context", then: "New points go under")
        try tmux.send("a")
        try prompt("Complex contexts need adaptive practice.", then: "✓ Saved agreement point")
        // A second theme for the points that follow: clear the field, type its name.
        try tmux.send("T")
        for _ in 0..<30 { try tmux.send("BSpace") }
        try prompt("Limits of performance management", then: "New points go under ◆ Limits of performance management")
        try tmux.send("a")
        try prompt("How measures are used matters more than what they are.", then: "✓ Saved agreement point")
        // Item 5, divergence: a topic with two perspectives and a dimension.
        try tmux.send("n")
        try tmux.waitFor("5/8  Where we differ")
        try tmux.send("a")
        try prompt("How outcomes are defined", then: "perspective 1")
        try prompt("By each person", then: "✓ Perspective added")
        try tmux.send("P")
        try prompt("Across groups", then: "✓ Perspective added")
        try tmux.send("D")
        try prompt("Measured", then: "✓ Dimension added")
        try tmux.send("e")
        try prompt("Stories | qualitative data", then: "✓ Saved")
        try tmux.send("l", "e")
        try prompt("Standardised tools", then: "✓ Saved")
        // Item 6, contexts: two, rated.
        try tmux.send("n")
        try tmux.waitFor("6/8  Which contexts")
        try tmux.send("a")
        try prompt("Homelessness support", then: "now its ratings")
        try prompt("4 2", then: "✓ Rating 1")
        try tmux.send("a")
        try prompt("Childhood vaccination", then: "now its ratings")
        try prompt("1 5", then: "✓ Rating 1")
        // Item 7, next steps: a question and an action.
        try tmux.send("n")
        try tmux.waitFor("7/8  Next steps")
        try tmux.send("a")
        try tmux.type("Which factors should shape our choices?")
        try tmux.send("BTab")
        try tmux.waitFor("question   ›")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved question")
        // The next point starts as a question too; Alt-5 makes it an action.
        try tmux.send("a")
        try tmux.waitFor("question   ›")
        try tmux.send("M-5")
        try tmux.waitFor("action     ›")
        try prompt("Circulate the note within two weeks.", then: "✓ Saved action point")
        try tmux.send("q")
        try tmux.waitForExit()

        let written = try notes(folder)
        #expect(written.contains("| Rob Pollock | Social Finance | Chair |"))
        #expect(written.contains("## Apologies") && written.contains("| Tris Lumley | NPC |"))
        #expect(written.contains("### Importance of context\n\n- Complex contexts need adaptive practice."))
        #expect(written.contains("### Limits of performance management\n\n- How measures are used matters more than what they are."))
        #expect(written.contains("### How outcomes are defined\n\n|  | By each person | Across groups |"))
        #expect(written.contains("| **Measured** | Stories \\| qualitative data | Standardised tools |"))
        #expect(written.contains("| Homelessness support |  | 4.0 | 2.0 |"))
        #expect(written.contains("| Childhood vaccination |  | 1.0 | 5.0 |"))
        #expect(written.contains("quadrantChart"))
        #expect(written.contains("### Questions for next time\n\n- Which factors should shape our choices?"))
        #expect(written.contains("### Actions\n\n- Circulate the note within two weeks."))
    }

    @Test("the seed's heading and a name caught in the review: s sets the purpose, w finds Trounce, Enter goes to the item, x acknowledges")
    func headingAndReview() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning and accountability", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let added = try convene.run(["add", folder, "attendee", "Joel Trounce", "--org", "iMPOWER"])
        #expect(added.status == 0, "\(added.stderr)")
        let tmux = try Tmux.convene(["run", folder], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("s")
        try tmux.waitFor("Session details")
        try tmux.send("j", "Enter")
        try tmux.waitFor("purpose ›")
        try tmux.type("To explore learning and accountability.")
        try tmux.send("C-j", "C-j")
        try tmux.type("- who is accountable to whom")
        try tmux.send("Enter")
        try tmux.waitFor("- who is accountable to whom")
        try tmux.send("Escape")
        try tmux.send("n", "n", "n")
        try tmux.waitFor("3/8  Open discussion")
        try tmux.send("a")
        try tmux.type("Trounce suggested that targets distort practice.")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        try tmux.send("n")
        try tmux.waitFor("4/8")
        try tmux.send("w")
        try tmux.waitFor("1 place may identify someone")
        try tmux.waitFor("item 3 · point 1")
        try tmux.send("Enter")
        try tmux.waitFor("looking · on 4")
        try tmux.waitFor("3/8  Open discussion")
        try tmux.send("Escape")
        try tmux.waitFor("1 place may identify someone")
        try tmux.send("x")
        try tmux.waitFor("The one place found is acknowledged")
        try tmux.send("w")
        try tmux.waitFor("✓ Notes written to")
        try tmux.send("q")
        try tmux.waitForExit()

        let written = try notes(folder)
        #expect(written.contains("## Purpose\n\nTo explore learning and accountability.\n\n"))
        #expect(written.contains("- who is accountable to whom\n"), "a list in the purpose stays a list")
        #expect(written.contains("Trounce suggested"), "acknowledged: the note-taker judged it fine to keep")
    }

    @Test("Ctrl-C ends the live screen as an interrupted program: exit 130, the terminal given back",
          arguments: [("C-c", Int32(130))])
    func interrupt(key: String, status: Int32) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let tmux = try Tmux.convene(["run", try convene.newSession()], for: convene, reportingExit: true)
        try tmux.waitFor("CHATHAM HOUSE RULE")
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.send(key)
        try tmux.waitFor("exit status \(status)")
        #expect(try tmux.display("#{alternate_on}") == "0", "the main screen is back")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor is shown again")
    }

    @Test("show pages a long document through $PAGER on a terminal, and not with --no-pager")
    func pager() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let notes = convene.home.appendingPathComponent("long.md")
        let body = (1...80).map { "Paragraph number \($0) of the record." }.joined(separator: "\n\n")
        try ("# A long record\n\n" + body + "\n").write(to: notes, atomically: true, encoding: .utf8)
        // `cat -n` stands in for less: it numbers what it is given, so the screen shows it went through.
        let paged = try Tmux.convene(["show", notes.path], for: convene, environment: ["PAGER": "cat -n"])
        try paged.waitFor("Paragraph number 80")
        try paged.waitForExit()
        let numbered = #/(?m)^\s*\d+\s+Paragraph number 80/#
        #expect(try paged.screen().contains(numbered))
        let direct = try Tmux.convene(["show", notes.path, "--no-pager"], for: convene, environment: ["PAGER": "cat -n"])
        try direct.waitFor("Paragraph number 80")
        try direct.waitForExit()
        #expect(!(try direct.screen().contains(numbered)))
    }

    @Test("show and export page through the real less, which reads the keys: a page, the next, q back to the shell",
          arguments: [["show", "NOTES"], ["export", "SESSION"]])
    func realPager(command: [String]) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Paged")
        for number in 1...60 { try convene.run(["add", session, "point", "Paged point number \(number)."]) }
        let notes = convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md").path
        let arguments = command.map { $0 == "NOTES" ? notes : $0 == "SESSION" ? session : $0 }
        // As a person's shell has it: no PAGER, no LESS; convene picks less and its options.
        let tmux = try Tmux(command: ["sh", "-c", #""$0" "$@"; echo "exit status $?"; sleep 600"#, ConveneProcess.binary.path] + arguments,
                            environment: ["HOME": convene.home.path, "TERM": "screen", "LANG": "C.UTF-8",
                                          "CONVENE_HOME": convene.sessions.path],
                            unset: ["PAGER", "LESS", "NO_COLOR"])
        try tmux.waitFor("Paged")
        #expect(!(try tmux.screen().contains("Paged point number 60.")), "the whole record on one screen: nothing was paged")
        try tmux.send("G")
        try tmux.waitFor("Paged point number 60.")
        try tmux.send("q")
        try tmux.waitFor("exit status 0")
    }

    @Test("accents, curly quotes, £, CJK and emoji go in and come out as typed")
    func unicode() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        let text = "Café “résumé” £5 — 会議の結果 👍"
        try tmux.send("n", "a")
        try tmux.type(text)
        try tmux.waitFor(text)
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- " + text))
    }

    @Test("pasting several lines keeps them in one point")
    func paste() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n")
        try tmux.waitFor("1/8  Welcome")
        try tmux.tmux(["set-buffer", "-b", "clip", "Pasted first line\nand its second line"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "clip", "-t", tmux.name])
        try tmux.waitFor("and its second line")
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- Pasted first line\\\n  and its second line"))
    }

    @Test("a paste of six long paragraphs is one point, saved whole on the Enter after it")
    func longPaste() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n")
        try tmux.waitFor("1/8  Welcome")
        let words = ["outcomes", "learning", "accountability", "café", "trust", "会議", "measures", "funders"]
        let paragraphs = (0..<6).map { paragraph in
            (0..<90).map { words[($0 * 7 + paragraph) % words.count] }.joined(separator: " ") + " paragraph\(paragraph + 1)."
        }
        let file = convene.home.appendingPathComponent("clipboard.txt")
        try paragraphs.joined(separator: "\n\n").write(to: file, atomically: true, encoding: .utf8)
        try tmux.tmux(["load-buffer", "-b", "clip", file.path])
        try tmux.tmux(["paste-buffer", "-p", "-b", "clip", "-t", tmux.name])
        try tmux.waitFor("paragraph6.")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
        let points = try JournalFile.replayed(journal).session.points.elements
        #expect(points.count == 1)
        #expect(points.first?.text == paragraphs.joined(separator: "\n\n"))
        try tmux.saveAndQuit()
    }

    @Test("Ctrl-X opens the text in $EDITOR and brings the result back")
    func editor() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        // A stand-in editor that appends a paragraph to the file it is given.
        let script = convene.home.appendingPathComponent("editor.sh")
        try writeExecutable(Data("#!/bin/sh\nprintf '\\nWritten in the editor, café 日本語.\\n' >> \"$1\"\n".utf8), to: script)
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Editor", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": script.path])
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("n", "a")
        try tmux.type("Typed on screen")
        try tmux.send("C-x")
        try tmux.waitFor("Back from the editor")
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- Typed on screen\\\n  Written in the editor, café 日本語."))
    }

    /// A live session on its discussion item with "Typed on screen" in the composer, under `editor`.
    private func composing(_ convene: ConveneProcess, editor: String) throws -> (String, Tmux) {
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Editor", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": editor])
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("n", "a")
        try tmux.waitFor("Enter save")
        try tmux.type("Typed on screen")
        return (folder, tmux)
    }

    @Test("Ctrl-X with an editor that reads the terminal: it gets the keyboard, and the text comes back")
    func editorReadingTheTerminal() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let script = convene.home.appendingPathComponent("asks.sh")
        try writeExecutable(Data("#!/bin/sh\nprintf 'add what? ' > /dev/tty\nread line < /dev/tty\nprintf ' %s' \"$line\" >> \"$1\"\n".utf8), to: script)
        let (folder, tmux) = try composing(convene, editor: script.path)
        try tmux.send("C-x")
        try tmux.waitFor("add what?")
        try tmux.type("and typed at the prompt")
        try tmux.send("Enter")
        try tmux.waitFor("Back from the editor")
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- Typed on screen and typed at the prompt"))
    }

    /// Whether the real vi is here to test with (CI must have it: script/setup installs vim-tiny).
    private var viInstalled: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/vi") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("vi is not installed") }
            return false
        }
        return true
    }

    /// Ctrl-X on the field being typed, then, in the real vi it opens, `text` appended with vi's own
    /// keys and the file written: back on Convene's screen.
    private func appendInVi(_ text: String, _ tmux: Tmux) throws {
        try tmux.send("C-x")
        try tmux.waitFor("~")
        try tmux.send("A")
        try tmux.type(text)
        try tmux.send("Escape")
        try tmux.type(":wq")
        try tmux.send("Enter")
        try tmux.waitFor("Back from the editor")
    }

    @Test("Ctrl-X in a dilemma with real vi: the dilemma's text edited with vi's keys, back in its prompt, saved")
    func realViInADilemma() throws {
        guard viInstalled else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Dilemmas", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": "vi", "VISUAL": ""])
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("n", "n", "n", "n", "n")
        try tmux.waitFor("5/8  Where we differ")
        try tmux.send("a")
        try tmux.type("How outcomes are defined")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Topic added")
        try tmux.type("By each person")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Perspective added")
        try tmux.send("i")
        try tmux.type("Who decides?")
        try tmux.send("Enter")
        try tmux.waitFor("what makes ‘Who decides?’ hard")
        try tmux.type("Typed on screen")
        try appendInVi(", then edited in vi", tmux)
        try tmux.send("Enter")
        try tmux.waitFor("✓")
        try tmux.send("q")
        try tmux.waitForExit()
        let topic = try JournalFile.replayed(URL(fileURLWithPath: folder + "/session.jsonl")).session.topics.elements.first
        #expect(topic?.dilemmas.first?.text == "Typed on screen, then edited in vi")
    }

    @Test("Ctrl-X with real vi: edited with vi's own keys, back in the composer, saved")
    func realVi() throws {
        guard viInstalled else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try composing(convene, editor: "vi")
        try appendInVi(", then edited in vi", tmux)
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- Typed on screen, then edited in vi"))
    }

    @Test("an interrupt to the editor's whole process group stops the editor, not the session")
    func interruptInEditor() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let script = convene.home.appendingPathComponent("interrupts.sh")
        try writeExecutable(Data("#!/bin/sh\nkill -INT 0\nsleep 1\n".utf8), to: script)
        let (folder, tmux) = try composing(convene, editor: script.path)
        try tmux.send("C-x")
        try tmux.waitFor("interrupts.sh was stopped by signal 2")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        #expect(try !tmux.exited())
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try notes(folder).contains("- Typed on screen"))
    }

    @Test("fields edit as in bash: Ctrl-W, Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-Y, Alt-b")
    func readlineKeys() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "n", "n")
        try tmux.waitFor("3/8  Open discussion")
        try tmux.send("a")
        try tmux.waitFor("Enter save")
        try tmux.type("alpha beta gamma")
        try tmux.send("C-w")
        try tmux.waitFor("› alpha beta\n")
        try tmux.send("C-a")
        try tmux.type("Start ")
        try tmux.send("C-e")
        try tmux.type("end")
        try tmux.waitFor("› Start alpha beta end")
        try tmux.send("M-b", "C-k")
        try tmux.waitFor("› Start alpha beta\n")
        try tmux.send("C-u")
        try tmux.type("Kept: ")
        try tmux.send("C-y")
        try tmux.waitFor("› Kept: Start alpha beta")
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("- Kept: Start alpha beta"))
    }

    @Test("twelve agreement points in a row need one Tab")
    func twelveAgreements() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "n", "n")
        try tmux.waitFor("3/8  Open discussion")
        try tmux.send("a", "Tab")
        try tmux.waitFor("agree      ›")
        for index in 1...12 {
            if index > 1 {
                try tmux.send("a")
                try tmux.waitFor("agree      ›")
            }
            try tmux.type("Agreement number \(index)")
            try tmux.send("Enter")
            try tmux.waitFor("Agreement number \(index)")
            try tmux.waitFor("✓ Saved agreement point")
        }
        try tmux.send("q")
        try tmux.waitForExit()
        let written = try notes(folder)
        #expect((1...12).allSatisfy { written.contains("- Agreement number \($0)\n") || written.hasSuffix("- Agreement number \($0)") })
        #expect(!written.contains("## Discussion"))
    }

    @Test("a 300-character caveat and a 900-character dilemma on a full table: each fully visible at 100×30 once saved")
    func longCaveatAndDilemma() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        func enter(_ text: String, then wait: String) throws {
            try tmux.type(text)
            try tmux.send("Enter")
            try tmux.waitFor(wait)
        }
        try tmux.send("n", "n", "n", "n", "n")
        try tmux.waitFor("5/8  Where we differ")
        try tmux.send("a")
        try enter("How outcomes are defined, measured and used", then: "✓ Topic added")
        try enter("Defined by each person", then: "✓ Perspective added")
        for perspective in ["Defined across groups", "Defined by funders"] {
            try tmux.send("P")
            try enter(perspective, then: "✓ Perspective added")
        }
        for dimension in ["Defined", "Measured", "Used", "Reported"] {
            try tmux.send("D")
            try enter(dimension, then: "✓ Dimension added")
        }
        // Numbered words, so that every one of them can be looked for on the screen.
        let caveat = (1...60).map { String(format: "c%03d", $0) }.joined(separator: " ")
        let dilemma = (1...180).map { String(format: "d%03d", $0) }.joined(separator: " ")
        #expect(caveat.count >= 299 && dilemma.count >= 899)
        try tmux.send("c")
        try enter(caveat, then: "✓ Caveat added")
        var screen = try tmux.screen()
        for word in caveat.split(separator: " ") { #expect(screen.contains(word), "caveat word \(word) not on screen") }
        try tmux.send("i")
        try enter("Who should define outcomes?", then: "what makes")
        try enter(dilemma, then: "✓ Dilemma added")
        screen = try tmux.screen()
        #expect(screen.contains("Who should define outcomes?"))
        for word in dilemma.split(separator: " ") { #expect(screen.contains(word), "dilemma word \(word) not on screen") }
        #expect(screen.contains("↑") && screen.contains("more lines"))
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try notes(folder).contains("d180"))
    }

    @Test("the editor starts with default signal actions: Ctrl-C stops it, and the text is kept")
    func editorSignals() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        // A stand-in editor interrupted at once: it only writes if SIGINT was ignored.
        let script = convene.home.appendingPathComponent("interrupted.sh")
        try writeExecutable(Data("#!/bin/sh\nkill -INT $$\nprintf 'survived an interrupt' >> \"$1\"\n".utf8), to: script)
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Signals", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": script.path])
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("n", "a")
        try tmux.type("Kept as typed")
        try tmux.send("C-x")
        try tmux.waitFor("interrupted.sh was stopped by signal 2")
        try tmux.saveAndQuit()
        let written = try notes(folder)
        #expect(written.contains("- Kept as typed") && !written.contains("survived"))
    }

    @Test("resizing down to 20×6 shows a notice, and back again loses nothing being typed")
    func resize() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "a")
        try tmux.type("Typed before the resize")
        try tmux.waitFor("Typed before the resize")
        try tmux.resize(width: 20, height: 6)
        try tmux.waitFor("too small")
        try tmux.type(" and during it")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Typed before the resize and during it")
        try tmux.saveAndQuit()
        #expect(try notes(folder).contains("Typed before the resize and during it"))
    }

    @Test("kill -9 while typing loses no saved point, and the draft is offered back")
    func killed() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "a")
        try tmux.type("Saved before the crash")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        try tmux.send("a")
        try tmux.type("Half a thought when the power went")
        try tmux.waitFor("Half a thought when the power went")
        // The draft is kept within a couple of seconds of typing; wait until it is on disk.
        let draft = folder + "/draft.json"
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !(((try? String(contentsOfFile: draft, encoding: .utf8)) ?? "").contains("power went")) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pid = try #require(try tmux.pid())
        kill(pid, SIGKILL)
        try tmux.waitForExit()

        #expect(try notes(folder).contains("Saved before the crash"))
        let reopened = try Tmux.convene(["run", folder], for: convene)
        try reopened.waitFor("Recovered an unsaved point")
        try reopened.send("a")
        try reopened.waitFor("Half a thought when the power went")
        try reopened.send("Enter")
        try reopened.waitFor("✓ Saved")
        try reopened.send("q")
        try reopened.waitForExit()
        let written = try notes(folder)
        #expect(written.contains("Saved before the crash") && written.contains("Half a thought when the power went"))
        #expect(!FileManager.default.fileExists(atPath: draft))
    }

    @Test("killed right after a commit: the point is in the journal, and opening the session brings the notes up to date")
    func killedAfterCommit() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "a")
        try tmux.type("Kept before the notes followed")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        let pid = try #require(try tmux.pid())
        kill(pid, SIGKILL)
        try tmux.waitForExit()
        let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
        #expect(journal.contains("Kept before the notes followed"))

        let reopened = try Tmux.convene(["run", folder], for: convene)
        try reopened.waitFor("Kept before the notes followed")
        // No key pressed: opening alone brings the notes up to date.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !((try? notes(folder)) ?? "").contains("Kept before the notes followed") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try notes(folder).contains("Kept before the notes followed"))
        try reopened.send("q")
        try reopened.waitForExit()
    }

    @Test("a second live writer is refused with a clear message")
    func secondWriter() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        let second = try convene.run(["run", folder])
        #expect(second.status != 0)
        #expect(second.stderr.contains("open for writing in another Convene"), "\(second.stderr)")
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test("SIGTERM ends the session cleanly with everything saved")
    func terminated() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        try tmux.send("n", "a")
        try tmux.type("Saved then terminated")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        let pid = try #require(try tmux.pid())
        kill(pid, SIGTERM)
        try tmux.waitForExit()
        #expect(try notes(folder).contains("Saved then terminated"))
        // The lock went with the process: the session opens again at once.
        let reopened = try convene.run(["add", folder, "point", "after"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
    }
}

@Suite("Home screen in a real terminal", .serialized)
struct HomeTmuxTests {
    @Test("first run: no sessions, start a roundtable from its template, capture a point, back home, quit")
    func firstRun() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let tmux = try Tmux.convene([], for: convene, sessionsFolder: false)
        try tmux.waitFor("No sessions yet")
        try tmux.send("N")
        try tmux.waitFor("choose a template")
        try tmux.send("j", "j", "Enter")
        try tmux.waitFor("New Roundtable")
        try tmux.type("Learning and accountability")
        try tmux.send("Enter")
        try tmux.waitFor("Date")
        try tmux.send("Enter")
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("n", "a")
        try tmux.type("Context decides what to measure.")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        try tmux.send("q")
        try tmux.waitFor("Saved: 20")
        try tmux.send("q")
        try tmux.waitForExit()

        let sessions = convene.home.appendingPathComponent(".local/share/convene")
        // The one session, beside the archive's hidden index.
        let folders = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { !$0.hasPrefix(".") }
        #expect(folders.count == 1)
        let notes = try String(contentsOfFile: sessions.appendingPathComponent(folders[0]).appendingPathComponent("notes.md").path, encoding: .utf8)
        #expect(notes.contains("Context decides what to measure."))
    }
}

/// What the terminal is sent, measured in bytes rather than time: deterministic on a shared machine.
@Suite("Bytes sent to the terminal", .serialized)
struct TerminalOutputTests {
    /// Appends `count` points under the first agenda item, as a long session leaves its journal.
    private func grow(_ folder: String, by count: Int) throws {
        let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
        let existing = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let date = Date(timeIntervalSince1970: 1_775_124_000)
        var lines = Data()
        for index in 0..<count {
            let point = Point(id: EntityID(1_000 + index), kind: .note, text: "Point \(index): outcomes emerge from complex systems.",
                              item: EntityID(1), createdAt: date)
            lines.append(try encoder.encode(JournalRecord(seq: existing + index + 1, at: date, event: .pointAdded(point: point))))
            lines.append(0x0A)
        }
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
        try handle.close()
    }

    @Test("typing a character sends a few dozen bytes, with 10,000 points in the session")
    func bytesPerCharacter() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Long session", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try grow(folder, by: 10_000)
        let tmux = try Tmux.convene(["run", folder], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE", seconds: 30)
        try tmux.send("n")
        try tmux.waitFor("Point 9999")
        try tmux.send("t") // pause the item clock, so only the session clock ticks
        try tmux.send("a")
        try tmux.waitFor("Enter save")

        let captured = convene.home.appendingPathComponent("pane-output").path
        try tmux.tmux(["pipe-pane", "-t", tmux.name, "-o", "cat >> " + Tmux.quote(captured)])
        let typed = "abcdefghijklmnopqrst"
        try tmux.type(typed)
        try tmux.waitFor(typed)
        // Wait for the output to settle: the file stops growing.
        var size = -1
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let now = (try? FileManager.default.attributesOfItem(atPath: captured)[.size] as? Int) ?? 0
            if now == size && now > 0 { break }
            size = now
            Thread.sleep(forTimeInterval: 0.2)
        }
        try tmux.tmux(["pipe-pane", "-t", tmux.name])
        // 20 characters at a few dozen bytes each, with room for a clock tick or two.
        #expect(size > 0)
        print("bytes for \(typed.count) characters: \(size)")
        #expect(size < typed.count * 40 + 200, "\(size) bytes for \(typed.count) characters")
        try tmux.send("Escape", "q")
        try tmux.waitForExit()
    }

    @Test("colour by default, none under NO_COLOR, and a monochrome terminal still works")
    func colour() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Colour", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        /// Whether the visible screen uses any foreground colour (SGR 30–37 or 38;…).
        func coloured(_ environment: [String: String]) throws -> Bool {
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: environment)
            try tmux.waitFor("Colour")
            let styled = try tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.name])
            try tmux.send("q")
            try tmux.waitForExit()
            return styled.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|38)[;m]", options: .regularExpression) != nil
        }
        #expect(try coloured([:]))
        #expect(try !coloured(["NO_COLOR": "1"]))
        #expect(try !coloured(["TERM": "vt100"]))
    }

    @Test("accents, CJK and emoji still work when the locale is not UTF-8")
    func nonUTF8Locale() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Café 会議", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.waitFor("Café 会議")
        try tmux.send("n", "a")
        try tmux.type("Résumé 日本語 👍")
        try tmux.waitFor("Résumé 日本語 👍")
        try tmux.saveAndQuit()
        #expect(try String(contentsOfFile: folder + "/notes.md", encoding: .utf8).contains("- Résumé 日本語 👍"))
    }
}

@Suite("convene show", .serialized)
struct ShowTests {
    private func handEdited(in convene: ConveneProcess) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConveneTUITests/Fixtures/hand-edited-notes.md")
        let copy = convene.home.appendingPathComponent("received by email.md")
        try Data(contentsOf: source).write(to: copy)
        return copy.path
    }

    @Test("piped, a hand-edited notes file comes out plain and within the width")
    func piped() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let shown = try convene.run(["show", try handEdited(in: convene), "--width", "72"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stdout.contains("\u{1B}"))
        #expect(shown.stdout.contains("Importance of context") && shown.stdout.contains("│ Measured │"))
        #expect(shown.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let missing = try convene.run(["show", convene.home.appendingPathComponent("absent.md").path])
        #expect(missing.status == 1 && missing.stderr.contains("absent.md: no such file"))
        #expect(!missing.stderr.contains("Usage:"), "a missing file is not a mistake in the arguments")
    }

    @Test("notes Convene wrote itself show with their tables")
    func ownNotes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try convene.run(["add", "2026", "attendee", "Rob Pollock", "--org", "Social Finance", "--role", "chair"])
        let shown = try convene.run(["show", folder + "/notes.md", "--width", "80"])
        #expect(shown.stdout.contains("│ Rob Pollock │ Social Finance │ Chair │"))
        #expect(shown.stdout.contains("Held under the Chatham House Rule."))
    }

    @Test("on a terminal it is styled and fits the terminal's width")
    func styled() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = try handEdited(in: convene)
        let tmux = try Tmux.convene(["show", file], for: convene)
        try tmux.waitFor("Importance of context")
        let styled = try tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.name])
        #expect(styled.contains("\u{1B}[1m") || styled.contains("\u{1B}[1;"))
        #expect(try tmux.screen().contains("┌"))
    }
}

@Suite("convene review", .serialized)
struct ReviewTests {
    @Test("a hand-edited file: search, contents, and q closes")
    func file() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConveneTUITests/Fixtures/hand-edited-notes.md")
        let file = convene.home.appendingPathComponent("notes from email.md")
        try Data(contentsOf: source).write(to: file)
        let tmux = try Tmux.convene(["review", file.path], for: convene)
        try tmux.waitFor("notes from email.md")
        try tmux.send("/")
        try tmux.type("standardised")
        try tmux.send("Enter")
        try tmux.waitFor("‘standardised’: hit 1 of 1")
        try tmux.send("t")
        try tmux.waitFor("Contents")
        // Jump to the third heading: it becomes the first line of the page.
        try tmux.send("j", "j", "Enter")
        // The contents list names the heading too: wait for the text beneath it in the document.
        let screen = try tmux.waitFor("Complex contexts need flexible")
        #expect(screen.split(separator: "\n").dropFirst().first?.contains("Importance of context") == true, "\(screen)")
        try tmux.send("]")
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test("the list: search as you type across sessions, open one at the hit, back, close")
    func list() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try convene.run(["new", "--template", "roundtable", "--title", "Learning and accountability", "--date", "2026-04-02"])
        try convene.run(["add", "2026-04-02", "point", "Context decides what to measure.", "--kind", "agreement"])
        try convene.run(["new", "--template", "peer-learning", "--title", "Motives for measurement 9", "--date", "2021-07-14"])
        try convene.run(["add", "2021-07-14", "point", "Participatory budgeting was tried in two places.", "--kind", "note"])
        let tmux = try Tmux.convene(["review"], for: convene)
        try tmux.waitFor("Motives for measurement 9")
        try tmux.type("/budgeting")
        try tmux.waitFor("1 place in 1 session")
        try tmux.send("Enter")
        try tmux.waitFor("‘budgeting’: hit 1 of 1")
        try tmux.send("q")
        try tmux.waitFor("Search: budgeting")
        try tmux.send("Escape", "Escape")
        try tmux.waitForExit()
    }

    @Test("sessions of a series are listed together, and Ctrl-O lists what the series left open")
    func series() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try convene.run(["new", "--template", "peer-learning", "--title", "Motives for measurement", "--date", "2021-05-12"])
        try convene.run(["add", "2021-05-12", "point", "Invite a council to present", "--kind", "action"])
        try convene.run(["new", "--template", "seminar", "--title", "Unrelated seminar", "--date", "2021-06-01"])
        try convene.run(["new", "--template", "peer-learning", "--title", "Motives for measurement 2", "--date", "2021-06-09",
                         "--follow-up", "2021-05-12"])
        let tmux = try Tmux.convene(["review"], for: convene)
        let screen = try tmux.waitFor("Unrelated seminar")
        let rows = screen.split(separator: "\n").map(String.init)
        let order = ["Motives for measurement 2", "Motives for measurement ", "Unrelated seminar"].compactMap { title in
            rows.firstIndex { $0.contains(title) }
        }
        #expect(order == order.sorted() && order.count == 3, "\(screen)")
        try tmux.send("C-o")
        try tmux.waitFor("Open questions and actions: Motives for measurement")
        try tmux.waitFor("Action: Invite a council to present")
        try tmux.send("q")
        try tmux.send("Escape")
        try tmux.waitForExit()
    }

    @Test("a saved session reads while a live writer holds it, and takes no lock")
    func sessionWhileLive() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try convene.run(["add", "2026", "point", "Context decides what to measure.", "--kind", "agreement", "--theme", "Context"])
        let live = try Tmux.convene(["run", folder], for: convene)
        try live.waitFor("CHATHAM HOUSE RULE")
        let reader = try Tmux.convene(["review", "2026"], for: convene)
        try reader.waitFor("read-only")
        try reader.send("/")
        try reader.type("decides")
        try reader.send("Enter")
        try reader.waitFor("Context decides what to measure.")
        try reader.send("q")
        try reader.waitForExit()
        // The live writer was never disturbed: it still saves.
        try live.send("n", "a")
        try live.type("Saved while being read")
        try live.send("Enter")
        try live.waitFor("✓ Saved")
        try live.send("q")
        try live.waitForExit()
    }
}

@Suite("convene follow", .serialized)
struct FollowTests {
    @Test("follows a live session in another window as it commits, without taking the lock")
    func whileLive() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning", "--date", "2026-04-02"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let live = try Tmux.convene(["run", folder], for: convene)
        try live.waitFor("CHATHAM HOUSE RULE")
        let follow = try Tmux.convene(["follow", folder], for: convene)
        try follow.waitFor("Not started yet.")
        try live.send("n")
        try follow.waitFor("Now: 1/8  Welcome, purpose and the rule", seconds: 5)
        try live.send("a")
        try live.type("Seen on the projector")
        try live.send("Enter")
        try live.waitFor("✓ Saved")
        try follow.waitFor("Seen on the projector", seconds: 5)
        try live.send("q")
        try live.waitForExit()
        try follow.send("q")
        try follow.waitForExit()
    }

    @Test("picks up convene add when no live writer holds the session")
    func afterAdd() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "seminar", "--title", "Seminar", "--date", "2019-03-18"])
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let follow = try Tmux.convene(["follow", folder], for: convene)
        try follow.waitFor("No points yet.")
        let added = try convene.run(["add", folder, "point", "Added from a script"])
        #expect(added.status == 0)
        try follow.waitFor("Added from a script", seconds: 5)
        try follow.send("q")
        try follow.waitForExit()
    }
}
