import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// A signal, a kill, a resize or a second writer loses nothing.
    @Suite("Signals, kills and resizes")
    struct Survival {
        @Test("Ctrl-C ends the live screen as an interrupted program: exit 130, the terminal given back",
              arguments: [("C-c", Int32(130))])
        func interrupt(key: String, status: Int32) throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let tmux = try Tmux.convene(["run", try convene.newSession()], for: convene, reportingExit: true)
            try tmux.waitFor("CHATHAM HOUSE RULE")
            #expect(try tmux.display("#{alternate_on}") == "1")
            try tmux.press(key, until: "exit status \(status)")
            #expect(try tmux.display("#{alternate_on}") == "0", "the main screen is back")
            #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor is shown again")
        }

        @Test("resizing down to 20×6 shows a notice, and back again loses nothing being typed")
        func resize() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.send("n", "a")
            try tmux.type("Typed before the resize", until: "Typed before the resize")
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
            try tmux.press("Enter", until: "✓ Saved")
            try tmux.send("a")
            try tmux.type("Half a thought when the power went", until: "Half a thought when the power went")
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
            try reopened.press("a", until: "Half a thought when the power went")
            try reopened.press("Enter", until: "✓ Saved")
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
            try tmux.press("Enter", until: "✓ Saved")
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

        @Test("a session held by a program that lets no screen join is refused with a clear message, after trying for a moment")
        func heldWithoutHost() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let folder = try convene.newSessionFolder()
            // flock(1) holds the journal's lock as a script's long change would, with no socket.
            let holder = try Tmux(command: ["flock", folder + "/session.jsonl", "sleep", "60"], environment: [:])
            defer { _ = holder }
            // Held once `flock -n` can no longer take it.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let probe = try Process.run(URL(fileURLWithPath: "/usr/bin/flock"), arguments: ["-n", folder + "/session.jsonl", "true"])
                probe.waitUntilExit()
                if probe.terminationStatus != 0 { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let second = try Tmux.convene(["run", folder], for: convene, reportingExit: true)
            let screen = try second.waitFor("exit status 1")
            // The message runs over several rows of the terminal: read as one line.
            #expect(screen.replacingOccurrences(of: "\n", with: "").contains("does not let other screens join"), "\(screen)")
        }

        @Test("SIGTERM ends the session cleanly with everything saved")
        func terminated() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, tmux) = try start(convene)
            try tmux.send("n", "a")
            try tmux.type("Saved then terminated")
            try tmux.press("Enter", until: "✓ Saved")
            let pid = try #require(try tmux.pid())
            kill(pid, SIGTERM)
            try tmux.waitForExit()
            #expect(try notes(folder).contains("Saved then terminated"))
            // The lock went with the process: the session opens again at once.
            let reopened = try convene.run(["add", folder, "point", "after"])
            #expect(reopened.status == 0, "\(reopened.stderr)")
        }
    }
}
