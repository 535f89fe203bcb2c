import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// The pager and the editor get the terminal and give it back.
    @Suite("The pager and the editor")
    struct OtherPrograms {
        /// A Markdown file of 80 numbered paragraphs, taller than the terminal.
        private func longRecord(in convene: ConveneProcess) throws -> URL {
            let notes = convene.home.appendingPathComponent("long.md")
            let body = (1...80).map { "Paragraph number \($0) of the record." }.joined(separator: "\n\n")
            try ("# A long record\n\n" + body + "\n").write(to: notes, atomically: true, encoding: .utf8)
            return notes
        }

        @Test("show pages a long document through $PAGER on a terminal, and not with --no-pager")
        func pager() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let notes = try longRecord(in: convene)
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

        @Test("a $PAGER that is not there: show says so and prints the whole document itself")
        func missingPager() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let notes = try longRecord(in: convene)
            let shown = try Tmux.convene(["show", notes.path], for: convene, environment: ["PAGER": "no-such-pager-here"])
            try shown.waitFor("Paragraph number 80 of the record.")
            try shown.waitForExit()
            let printed = try shown.scrollback()
            #expect(printed.contains("no pager ‘no-such-pager-here’ here"), "\(printed)")
            // Printed whole and once, after the warning: the runs that went to the missing pager
            // are made again, not lost, and not shown twice.
            for paragraph in [1, 40, 80] {
                #expect(printed.components(separatedBy: "Paragraph number \(paragraph) of").count == 2, "\(printed)")
            }
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
            try tmux.press("G", until: "Paged point number 60.")
            try tmux.press("q", until: "exit status 0")
        }

        @Test("a long record shows in the real less at once, reaches its end on G, and q ends convene at any point")
        func longRecordInLess() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            // A record as a long session's notes are: sections, and one list of thousands of points.
            var text = "---\ntitle: Long\n---\n\n# A long record\n\n"
            for section in 1...40 { text += "## Section \(section)\n\n" + (1...50).map { "- Section \(section), point \($0)." }.joined(separator: "\n") + "\n\n" }
            text += "## Questions\n\n" + (1...20_000).map { "- Question \($0), café 日本語." }.joined(separator: "\n") + "\n"
            let notes = convene.home.appendingPathComponent("long.md")
            try text.write(to: notes, atomically: true, encoding: .utf8)
            func inLess() throws -> Tmux {
                try Tmux(command: ["sh", "-c", #""$0" "$@"; echo "exit status $?"; sleep 600"#, ConveneProcess.binary.path, "show", notes.path],
                         environment: ["HOME": convene.home.path, "TERM": "screen", "LANG": "C.UTF-8"], unset: ["PAGER", "LESS", "NO_COLOR"])
            }
            let reading = try inLess()
            try reading.waitFor("Section 1, point 1.")
            try reading.press("G", until: "Question 20000, café 日本語.")
            #expect(!(try reading.screen().contains("exit status")))
            try reading.press("q", until: "exit status 0")
            // Quitting on the first screen: the rest is never laid out, and convene ends at once.
            let quitting = try inLess()
            try quitting.waitFor("Section 1, point 1.")
            try quitting.press("q", until: "exit status 0")
            #expect(!(try quitting.screen().contains("Question")))
        }

        @Test("Ctrl-X opens the text in $EDITOR and brings the result back")
        func editor() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            // A stand-in editor that appends a paragraph to the file it is given.
            let script = convene.home.appendingPathComponent("editor.sh")
            try writeExecutable(Data("#!/bin/sh\nprintf '\\nWritten in the editor, café 日本語.\\n' >> \"$1\"\n".utf8), to: script)
            let folder = try convene.newSessionFolder(title: "Editor")
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": script.path])
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.send("n", "a")
            try tmux.type("Typed on screen")
            try tmux.press("C-x", until: "Back from the editor")
            try tmux.saveAndQuit()
            #expect(try notes(folder).contains("- Typed on screen\\\n  Written in the editor, café 日本語."))
        }

        /// A live session on its discussion item with "Typed on screen" in the composer, under `editor`.
        private func composing(_ convene: ConveneProcess, editor: String) throws -> (String, Tmux) {
            let folder = try convene.newSessionFolder(title: "Editor")
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": editor])
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.press("n", "a", until: "Enter save")
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
            try tmux.press("C-x", until: "add what?")
            try tmux.type("and typed at the prompt")
            try tmux.press("Enter", until: "Back from the editor")
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
            try tmux.press("C-x", until: "~")
            try tmux.send("A")
            try tmux.type(text)
            try tmux.send("Escape")
            try tmux.type(":wq")
            try tmux.press("Enter", until: "Back from the editor")
        }

        @Test("Ctrl-X in a dilemma with real vi: the dilemma's text edited with vi's keys, back in its prompt, saved")
        func realViInADilemma() throws {
            guard viInstalled else { return }
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let folder = try convene.newSessionFolder(title: "Dilemmas")
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": "vi", "VISUAL": ""])
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.press("n", "n", "n", "n", "n", until: "5/8  Where we differ")
            try tmux.send("a")
            try tmux.type("How outcomes are defined")
            try tmux.press("Enter", until: "✓ Topic added")
            try tmux.type("By each person")
            try tmux.press("Enter", until: "✓ Perspective added")
            try tmux.send("i")
            try tmux.type("Who decides?")
            try tmux.press("Enter", until: "what makes ‘Who decides?’ hard")
            try tmux.type("Typed on screen")
            try appendInVi(", then edited in vi", tmux)
            try tmux.press("Enter", until: "✓")
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
            try tmux.press("C-x", until: "interrupts.sh was stopped by signal 2")
            try tmux.press("Enter", until: "✓ Saved")
            #expect(try !tmux.exited())
            try tmux.send("q")
            try tmux.waitForExit()
            #expect(try notes(folder).contains("- Typed on screen"))
        }

        @Test("the editor starts with default signal actions: Ctrl-C stops it, and the text is kept")
        func editorSignals() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            // A stand-in editor interrupted at once: it only writes if SIGINT was ignored.
            let script = convene.home.appendingPathComponent("interrupted.sh")
            try writeExecutable(Data("#!/bin/sh\nkill -INT $$\nprintf 'survived an interrupt' >> \"$1\"\n".utf8), to: script)
            let folder = try convene.newSessionFolder(title: "Signals")
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["EDITOR": script.path])
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.send("n", "a")
            try tmux.type("Kept as typed")
            try tmux.press("C-x", until: "interrupted.sh was stopped by signal 2")
            try tmux.saveAndQuit()
            let written = try notes(folder)
            #expect(written.contains("- Kept as typed") && !written.contains("survived"))
        }
    }
}
