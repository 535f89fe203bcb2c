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
        let tmux = try Tmux(command: [ConveneProcess.binary.path, "run", folder], environment: [
            "HOME": convene.home.path, "CONVENE_HOME": convene.sessions.path, "TERM": "screen", "LANG": "C.UTF-8",
        ])
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
        try tmux.send("Tab", "Tab", "Tab", "Enter")
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

    @Test("accents, curly quotes, £, CJK and emoji go in and come out as typed")
    func unicode() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let (folder, tmux) = try start(convene)
        let text = "Café “résumé” £5 — 会議の結果 👍"
        try tmux.send("n", "a")
        try tmux.type(text)
        try tmux.waitFor(text)
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try notes(folder).contains("- " + text))
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
        try tmux.send("Enter")
        try tmux.waitFor("✓ Saved")
        try tmux.send("q")
        try tmux.waitForExit()
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
        let reopened = try Tmux(command: [ConveneProcess.binary.path, "run", folder], environment: [
            "HOME": convene.home.path, "CONVENE_HOME": convene.sessions.path, "TERM": "screen", "LANG": "C.UTF-8",
        ])
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
        let tmux = try Tmux(command: [ConveneProcess.binary.path], environment: [
            "HOME": convene.home.path, "TERM": "screen", "LANG": "C.UTF-8",
        ])
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
        let folders = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        #expect(folders.count == 1)
        let notes = try String(contentsOfFile: sessions.appendingPathComponent(folders[0]).appendingPathComponent("notes.md").path, encoding: .utf8)
        #expect(notes.contains("Context decides what to measure."))
    }
}
