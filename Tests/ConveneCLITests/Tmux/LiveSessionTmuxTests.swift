import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// A session run live: the agenda, every kind of phase, the review before the notes.
    @Suite("Running a session")
    struct Sessions {
        @Test("a roundtable from template to notes: agenda, points of each kind, undo, quit")
        func roundtable() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("n", until: "1/8  Welcome")
            try tmux.press("n", "n", until: "3/8  Open discussion")
            try tmux.press("a", until: "Enter save")
            try tmux.type("Measures matter, but how they are used matters more.")
            try tmux.press("Tab", until: "agree      ›")
            try tmux.press("Enter", until: "✓ Saved agreement point")
            try tmux.send("a")
            try tmux.type("Who should define outcomes?")
            try tmux.press("M-4", "Enter", until: "✓ Saved question / dilemma point")
            try tmux.send("a")
            try tmux.type("A slip to undo")
            try tmux.press("Enter", until: "A slip to undo")
            try tmux.press("u", until: "✓ Undone and saved")
            try tmux.press("n", until: "4/8  Where we agree")
            try tmux.send("q")
            try tmux.waitForExit()

            let written = try notes(folder)
            #expect(written.contains("## Points of agreement\n\n- Measures matter, but how they are used matters more."))
            #expect(written.contains("## Questions and dilemmas\n\n- Who should define outcomes?"))
            #expect(!written.contains("A slip to undo"))
            #expect(written.contains("| 3 | Open discussion | Discussion | 25 min | 0 min |"))
        }

        @Test("quitting stops the item clock: reopened after a break, the item shows only the time spent in it and says why")
        func clockStopsWhileClosed() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("n", until: "1/8  Welcome")
            try tmux.send("q")
            try tmux.waitForExit()
            // The journal's last line stops the clock: nothing runs while nobody is in the session.
            let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
            let last = try #require(journal.split(separator: "\n").last)
            #expect(last.contains("itemChanged") && !last.contains("clockRunningSince"), "\(last)")
            try Self.reopen(folder, leftNineMinutesAgo: convene, saying: "Item 1's clock stopped when the session closed 9 min ago; t starts it again")
        }

        /// Opens the session again as if nobody had been in it for nine minutes, as far as its files
        /// say, until it says `text`: the item shows the seconds spent in it, not the nine minutes away.
        private static func reopen(_ folder: String, leftNineMinutesAgo convene: ConveneProcess, saying text: String) throws {
            let nineMinutesAgo = Date().addingTimeInterval(-540)
            for file in ["/session.jsonl", "/.presence"] {
                try FileManager.default.setAttributes([.modificationDate: nineMinutesAgo], ofItemAtPath: folder + file)
            }
            let reopened = try Tmux.convene(["run", folder], for: convene)
            let screen = try reopened.waitFor(text)
            #expect(screen.contains(" / 10:00") && !screen.contains("09:0") && !screen.contains("over"), "\(screen)")
            try reopened.send("q")
            try reopened.waitForExit()
        }

        @Test("killed with its clock running: reopened, the clock stopped where the screen was last seen, and says why")
        func clockStopsAfterKill() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("n", until: "1/8  Welcome")
            // The item line's clock, once `n` has started it (the agenda beside marks the item with ▶ before).
            try tmux.waitFor("▶  00:0")
            let pid = try #require(try tmux.pid())
            kill(pid, SIGKILL)
            try tmux.waitForExit()
            // Nothing stopped the clock: the journal's last line has it running.
            let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
            #expect(journal.split(separator: "\n").last?.contains("clockRunningSince") == true)
            try Self.reopen(folder, leftNineMinutesAgo: convene,
                            saying: "clock stopped when Convene was last seen in the session (it did not close) 9 min ago")
        }

        @Test("a masterclass: the presenter named, a question from the room answered with it, an attribution taken off, a second case study added as a presentation")
        func masterclass() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let folder = try convene.newSessionFolder(template: "masterclass", title: "Outcomes masterclass")
            let tmux = try Tmux.convene(["run", folder], for: convene)
            try tmux.waitFor("ATTRIBUTED")
            try tmux.press("n", "n", until: "2/6  Keynote")
            try tmux.press("S", until: "presented by")
            try tmux.type("Ana López")
            try tmux.press("Enter", until: "Points here are attributed to Ana López")
            try tmux.press("a", until: "›")
            try tmux.type("Patient capital matters.")
            try tmux.press("Enter", until: "✓ Saved")
            try tmux.press("a", until: "›")
            try tmux.type("How long did the data sharing take?")
            try tmux.press("M-4", "Enter", until: "✓ Saved question / dilemma point")
            try tmux.press("G", "x", until: "answer (Enter with none")
            try tmux.type("A year, and a second to trust it.")
            try tmux.press("Enter", until: "✓ Answered")
            try tmux.press("g", "S", until: "said by (empty: nobody)")
            try tmux.press("C-u", "Enter", until: "✓ Attributed to nobody")
            try tmux.press("o", until: "Projected end")
            try tmux.press("a", until: "new item after item 2")
            try tmux.type("Second case study")
            try tmux.press("Enter", until: "its phase:")
            try tmux.press("C-u", until: "its phase:")
            try tmux.type("case study")
            try tmux.press("Enter", until: "its prompt")
            try tmux.type("What changed for the people served?")
            try tmux.press("Enter", until: "Added as item 3, presentation")
            try tmux.send("Escape", "q")
            try tmux.waitForExit()

            let notes = try RealTerminal.notes(folder)
            #expect(notes.contains("### Keynote — Ana López"), "\(notes)")
            #expect(notes.contains("- Patient capital matters.\n"), "the attribution was taken off")
            #expect(notes.contains("- *Question:* How long did the data sharing take?\n  *Answer:* A year, and a second to trust it."))
            #expect(notes.contains("| 3 | Second case study | Presentation |"))
        }

        @Test("the agenda overlay: item 6 started straight away with no times on items 1 to 5; an item added and moved")
        func replanning() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.press("o", until: "Projected end")
            try tmux.press("j", "j", "j", "j", "j", "Enter", until: "Now on item 6")
            // Starting an item closed the agenda: o opens it again.
            try tmux.press("o", until: "Projected end")
            try tmux.press("a", until: "new item after item 6")
            try tmux.type("Funders' questions")
            try tmux.press("Enter", until: "its phase:")
            try tmux.press("Enter", until: "its prompt")
            try tmux.press("Enter", until: "Added as item 7")
            // The new item is selected.
            try tmux.press("K", until: "Moved to 6")
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
            let folder = try convene.newSessionFolder(title: "Bells")
            // Warned 60 minutes before the end: the first item is inside its warning time as it starts.
            let tmux = try Tmux.convene(["run", folder, "--alert-before", "60"], for: convene)
            try tmux.waitFor("CHATHAM HOUSE RULE")
            #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{window_bell_flag}"]).hasPrefix("0"))
            try tmux.press("n", until: "min left")
            #expect(try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{window_bell_flag}"]).hasPrefix("1"), "no bell")
            try tmux.send("q")
            try tmux.waitForExit()

            let quiet = try Tmux.convene(["run", folder, "--alert-before", "60", "--quiet"], for: convene)
            try quiet.waitFor("CHATHAM HOUSE RULE")
            try quiet.press("p", "n", until: "Now on")
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
            try live.press("n", "n", "n", "n", "n", "n", until: "6/8  Which contexts")
            try live.send("q")
            try live.waitForExit()
            let rated = try convene.run(["add", folder, "context", "Funding cycles", "--uncertainty", "5", "--control", "1"])
            #expect(rated.status == 0, "\(rated.stderr)")

            let follow = try Tmux.convene(["follow", folder], for: convene)
            _ = try follow.waitFor("Funding cycles · 1 rating")
            // The grid's last rows may still be on their way to tmux when the list beside it is shown.
            let screen = try follow.waitFor("control over outcomes →")
            #expect(screen.contains("Funding cycles · 1 rating"))
            #expect(screen.contains("↑ uncertainty"))
            try follow.send("q")
            try follow.waitForExit()

            let projector = try Tmux.convene(["follow", folder, "--no-points"], for: convene)
            let agenda = try projector.waitFor("▶ 6  Which contexts")
            #expect(!agenda.contains("Funding cycles"))
            try projector.send("q")
            try projector.waitForExit()
        }

        @Test("the seed's 37 people imported on screen (A, then I): five with apologies, one change that u takes back")
        func importOnScreen() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            let file = convene.home.appendingPathComponent("registrations.csv")
            try AttendeeImportTests.csv().write(to: file, atomically: true, encoding: .utf8)
            try tmux.press("A", "I", until: "CSV file to import")
            try tmux.type(file.path)
            try tmux.press("Enter", until: "Imported 37 people, 5 with apologies")
            let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
            let people = try JournalFile.replayed(journal).session.attendees.elements
            #expect(people.map(\.name) == AttendeeImportTests.seed.map { $0.name.replacingOccurrences(of: " (Chair)", with: "") })
            #expect(people.filter(\.apologies).count == 5)
            #expect(people.first?.role == .chair)
            try tmux.press("Escape", "u", until: "✓ Undone")
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
            try tmux.press("R", until: "Rob Pollock: chair")
            try tmux.send("a")
            try prompt("Tris Lumley", then: "organisation")
            try prompt("NPC", then: "✓ Added Tris Lumley")
            try tmux.press("x", until: "sent apologies")
            try tmux.send("Escape")
            // Item 4, agreement: two themes.
            try tmux.press("n", "n", "n", "n", until: "4/8  Where we agree")
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
            try tmux.press("n", until: "5/8  Where we differ")
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
            try tmux.press("n", until: "6/8  Which contexts")
            try tmux.send("a")
            try prompt("Homelessness support", then: "now its ratings")
            try prompt("4 2", then: "✓ Rating 1")
            try tmux.send("a")
            try prompt("Childhood vaccination", then: "now its ratings")
            try prompt("1 5", then: "✓ Rating 1")
            // Item 7, next steps: a question and an action.
            try tmux.press("n", until: "7/8  Next steps")
            try tmux.send("a")
            try tmux.type("Which factors should shape our choices?")
            try tmux.press("BTab", until: "question   ›")
            try tmux.press("Enter", until: "✓ Saved question")
            // The next point starts as a question too; Alt-5 makes it an action.
            try tmux.press("a", until: "question   ›")
            try tmux.press("M-5", until: "action     ›")
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
            #expect(written.contains("\n\n**Which factors should shape our choices?**\n\n"))
            #expect(written.contains("### Actions\n\n- Circulate the note within two weeks."))
        }

        @Test("the seed's heading and a name caught in the review: s sets the purpose, w finds Trounce, Enter goes to the item, x acknowledges")
        func headingAndReview() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let folder = try convene.newSessionFolder()
            let added = try convene.run(["add", folder, "attendee", "Joel Trounce", "--org", "iMPOWER"])
            #expect(added.status == 0, "\(added.stderr)")
            let tmux = try Tmux.convene(["run", folder], for: convene)
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.press("s", until: "Session details")
            try tmux.press("j", "Enter", until: "purpose ›")
            try tmux.type("To explore learning and accountability.")
            try tmux.send("C-j", "C-j")
            try tmux.type("- who is accountable to whom")
            try tmux.press("Enter", until: "- who is accountable to whom")
            try tmux.send("Escape")
            try tmux.press("n", "n", "n", until: "3/8  Open discussion")
            try tmux.send("a")
            try tmux.type("Trounce suggested that targets distort practice.")
            try tmux.press("Enter", until: "✓ Saved")
            try tmux.press("n", until: "4/8")
            try tmux.press("w", until: "1 place may identify someone")
            try tmux.waitFor("item 3 · point 1")
            try tmux.press("Enter", until: "looking · on 4")
            try tmux.waitFor("3/8  Open discussion")
            try tmux.press("Escape", until: "1 place may identify someone")
            try tmux.press("x", until: "The one place found is acknowledged")
            try tmux.press("w", until: "✓ Notes written to")
            try tmux.send("q")
            try tmux.waitForExit()

            let written = try notes(folder)
            #expect(written.contains("## Purpose\n\nTo explore learning and accountability.\n\n"))
            #expect(written.contains("- who is accountable to whom\n"), "a list in the purpose stays a list")
            #expect(written.contains("Trounce suggested"), "acknowledged: the note-taker judged it fine to keep")
        }
    }
}
