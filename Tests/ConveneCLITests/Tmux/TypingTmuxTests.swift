import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// What is typed, pasted and clicked goes in as it was meant.
    @Suite("Typing")
    struct Typing {
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
                try tmux.press("Enter", until: "✓ Saved")
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
            try tmux.press("d", until: "✓ Deleted")
            let kept = try JournalFile.replayed(URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")).session.points.elements.map(\.text)
            #expect(kept == ["Purpose before targets", "Time before money"])
            try tmux.send("q")
            try tmux.waitForExit()
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
            try tmux.press("n", until: "1/8  Welcome")
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
            try tmux.press("n", until: "1/8  Welcome")
            let words = ["outcomes", "learning", "accountability", "café", "trust", "会議", "measures", "funders"]
            let paragraphs = (0..<6).map { paragraph in
                (0..<90).map { words[($0 * 7 + paragraph) % words.count] }.joined(separator: " ") + " paragraph\(paragraph + 1)."
            }
            let file = convene.home.appendingPathComponent("clipboard.txt")
            try paragraphs.joined(separator: "\n\n").write(to: file, atomically: true, encoding: .utf8)
            try tmux.tmux(["load-buffer", "-b", "clip", file.path])
            try tmux.tmux(["paste-buffer", "-p", "-b", "clip", "-t", tmux.name])
            try tmux.waitFor("paragraph6.")
            try tmux.press("Enter", until: "✓ Saved")
            let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
            let points = try JournalFile.replayed(journal).session.points.elements
            #expect(points.count == 1)
            #expect(points.first?.text == paragraphs.joined(separator: "\n\n"))
            // Nothing is being typed any more: q, not saveAndQuit's Enter, which would find nothing to save.
            try tmux.send("q")
            try tmux.waitForExit()
        }

        @Test("fields edit as in bash: Ctrl-W, Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-Y, Alt-b")
        func readlineKeys() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("n", "n", "n", until: "3/8  Open discussion")
            try tmux.press("a", until: "Enter save")
            try tmux.type("alpha beta gamma")
            try tmux.press("C-w", until: "› alpha beta\n")
            try tmux.send("C-a")
            try tmux.type("Start ")
            try tmux.send("C-e")
            try tmux.type("end", until: "› Start alpha beta end")
            try tmux.press("M-b", "C-k", until: "› Start alpha beta\n")
            try tmux.send("C-u")
            try tmux.type("Kept: ")
            try tmux.press("C-y", until: "› Kept: Start alpha beta")
            try tmux.saveAndQuit()
            #expect(try notes(folder).contains("- Kept: Start alpha beta"))
        }

        @Test("twelve agreement points in a row need one Tab")
        func twelveAgreements() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("n", "n", "n", until: "3/8  Open discussion")
            try tmux.press("a", "Tab", until: "agree      ›")
            for index in 1...12 {
                if index > 1 {
                    try tmux.press("a", until: "agree      ›")
                }
                try tmux.type("Agreement number \(index)")
                try tmux.press("Enter", until: "Agreement number \(index)")
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
            try tmux.press("n", "n", "n", "n", "n", until: "5/8  Where we differ")
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
    }
}
