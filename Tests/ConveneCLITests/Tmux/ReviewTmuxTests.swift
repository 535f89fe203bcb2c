import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("convene review", .serialized)
struct ReviewTests {
    @Test("a hand-edited file: search, contents, and q closes")
    func file() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConveneTUITests/Fixtures/hand-edited-notes.md")
        let file = convene.home.appendingPathComponent("notes from email.md")
        try Data(contentsOf: source).write(to: file)
        let tmux = try Tmux.convene(["review", file.path], for: convene)
        try tmux.waitFor("notes from email.md")
        try tmux.send("/")
        try tmux.type("standardised")
        try tmux.press("Enter", until: "‘standardised’: hit 1 of 1")
        try tmux.press("t", until: "Contents")
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
        try tmux.type("/budgeting", until: "1 place in 1 session")
        try tmux.press("Enter", until: "‘budgeting’: hit 1 of 1")
        try tmux.press("q", until: "Search: budgeting")
        // A misspelling finds nothing; leaving the field, the archive's own spelling is offered.
        try tmux.press("/", until: "Search: budgeting")
        try tmux.send("C-u")
        try tmux.type("partcipatory", until: "No session says ‘partcipatory’")
        try tmux.press("Escape", until: "did you mean ‘participatory’?")
        try tmux.send("Escape", "Escape")
        try tmux.waitForExit()
    }

    @Test("sessions of a series are listed together, Ctrl-O lists what the series left open, and { } read the sessions either side")
    func series() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try convene.run(["new", "--template", "peer-learning", "--title", "Motives for measurement", "--date", "2021-05-12"])
        try convene.run(["add", "2021-05-12", "point", "Invite a council to present", "--kind", "action", "--owner", "Ana"])
        try convene.run(["add", "2021-05-12", "point", "Book the room", "--kind", "action"])
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
        // The series' newest session says what the series left open: both actions, carried.
        #expect(rows.contains { $0.contains("Motives for measurement 2") && $0.contains("· 2 open") }, "\(screen)")
        try convene.run(["set", "2021-06-09", "action", "room", "done"])
        try tmux.press("C-o", until: "Open actions and questions: Motives for measurement")
        let open = try tmux.waitFor("Invite a council to present · Ana · raised in Motives for measurement, 2021-05-12")
        #expect(open.contains("Book the room · done in Motives for measurement 2, 2021-06-09"), "\(open)")
        try tmux.press("q", until: "Unrelated seminar")
        // The newest session of the series is the first row: read it, then the one before.
        try tmux.press("Enter", until: "Motives for measurement 2 · 2021-06-09 · read-only")
        try tmux.press("{", until: "Motives for measurement · 2021-05-12 · read-only")
        try tmux.press("{", until: "This is the first session of the series")
        try tmux.press("}", until: "Motives for measurement 2 · 2021-06-09 · read-only")
        try tmux.press("q", until: "Motives for measurement · 2021-05-12 · read-only")
        try tmux.press("q", until: "Motives for measurement 2 · 2021-06-09 · read-only")
        try tmux.send("q")
        try tmux.waitFor("Unrelated seminar")
        try tmux.send("Escape")
        try tmux.waitForExit()
    }

    @Test("a follow-up of a session open live elsewhere is made at once; the command says how to link the two, and that link works")
    func followUpWhileLive() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(template: "peer-learning", title: "Peer group 1", date: "2026-03-01")
        try convene.run(["add", "2026-03-01", "point", "Circulate the paper", "--kind", "action"])
        let live = try Tmux.convene(["run", folder], for: convene)
        try live.waitFor("CHATHAM HOUSE RULE")
        let next = try convene.run(["new", "--follow-up", "2026-03-01", "--title", "Peer group 2", "--date", "2026-04-01", "--wait", "0"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("does not link to it yet") && next.stderr.contains("convene set 2026-03-01-peer-group-1 next 2026-04-01-peer-group-2"),
                "\(next.stderr)")
        #expect(try convene.notes(of: "2026-04-01").contains("- Circulate the paper · raised in [Peer group 1, 2026-03-01]"))
        try live.send("q")
        try live.waitForExit()
        let linked = try convene.run(["set", "2026-03-01-peer-group-1", "next", "2026-04-01-peer-group-2"])
        #expect(linked.status == 0 && linked.stdout.contains("followed by 2026-04-01-peer-group-2"), "\(linked.stderr)")
        #expect(try convene.notes(of: "2026-03-01").contains("**Next:** [Peer group 2, 2026-04-01](../2026-04-01-peer-group-2/notes.md)"))
    }

    @Test("a saved session reads while a live writer holds it, and takes no lock")
    func sessionWhileLive() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Learning")
        try convene.run(["add", "2026", "point", "Context decides what to measure.", "--kind", "agreement", "--theme", "Context"])
        let live = try Tmux.convene(["run", folder], for: convene)
        try live.waitFor("CHATHAM HOUSE RULE")
        let reader = try Tmux.convene(["review", "2026"], for: convene)
        try reader.waitFor("read-only")
        try reader.send("/")
        try reader.type("decides")
        try reader.press("Enter", until: "Context decides what to measure.")
        try reader.send("q")
        try reader.waitForExit()
        // The live writer was never disturbed: it still saves.
        try live.send("n", "a")
        try live.type("Saved while being read")
        try live.press("Enter", until: "✓ Saved")
        try live.send("q")
        try live.waitForExit()
    }
}
