import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension RealTerminal {
    /// Several people in one session: the first `convene run` hosts it, later ones join it through
    /// the session's socket, each in a terminal of its own.
    @Suite("Several screens on one session")
    struct SharedSessions {
        /// `convene run FOLDER --as NAME …` in a terminal of its own, once it shows itself in the session.
        static func join(_ folder: String, as name: String, _ extra: [String] = [], for convene: ConveneProcess) throws -> Tmux {
            let tmux = try Tmux.convene(["run", folder, "--as", name] + extra, for: convene)
            try tmux.waitFor("you, \(name)")
            return tmux
        }

        /// Adds a point as a note-taker types one: `a`, the text, Enter; waits until it is saved.
        static func add(_ text: String, on tmux: Tmux) throws {
            try tmux.press("a", until: "Enter save")
            try tmux.type(text)
            try tmux.press("Enter", until: "✓ Saved")
        }

        static func journalTexts(_ folder: String) throws -> [String] {
            try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
                .split(separator: "\n").compactMap { line in
                    guard let range = line.range(of: #""text":""#) else { return nil }
                    return String(line[range.upperBound...].prefix { $0 != "\"" })
                }
        }

        @Test("two note-takers type at once and each sees the other's points; the header says who is in; the notes hold both")
        func twoNoteTakers() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let ben = try Self.join(folder, as: "ben", for: convene)
            let cleo = try Self.join(folder, as: "cleo", for: convene)
            try host.waitFor("3 here:")
            #expect(try ben.screen().contains("you, ben note-taker"))
            // Both open their composers and type before either saves.
            try ben.press("a", until: "Enter save")
            try cleo.press("a", until: "Enter save")
            try ben.type("Trust grows when data is shared early")
            try cleo.type("Café owners see outcomes differently")
            try ben.send("Enter")
            try cleo.send("Enter")
            for screen in [host, ben, cleo] {
                try screen.waitFor("Trust grows when data is shared early")
                try screen.waitFor("Café owners see outcomes differently")
            }
            try cleo.send("q")
            try cleo.waitForExit()
            try host.waitFor("2 here: you,")
            try ben.send("q")
            try ben.waitForExit()
            try host.send("q")
            try host.waitForExit()
            let written = try notes(folder)
            #expect(written.contains("Trust grows when data is shared early"))
            #expect(written.contains("Café owners see outcomes differently"))
            // Who typed is in the journal, never in the notes.
            #expect(!written.contains("ben") && !written.contains("cleo"))
        }

        @Test("a viewer's keys change nothing, and a note-taker cannot move the agenda on")
        func viewerAndNoteTaker() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let viewer = try Self.join(folder, as: "dev", ["--role", "viewer"], for: convene)
            let before = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
            try viewer.press("a", until: "Enter save")
            try viewer.type("A viewer's words")
            try viewer.press("Enter", until: "Not saved: you joined as a viewer")
            try viewer.press("Escape", "n", until: "Not saved: you joined as a viewer")
            #expect(try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8) == before)
            #expect(!(try host.screen()).contains("A viewer's words"))

            let ben = try Self.join(folder, as: "ben", for: convene)
            try ben.press("n", until: "Not saved: only the facilitator moves through the agenda")
            try host.press("n", until: "1/8  Welcome")
            try ben.waitFor("▶  00:0")
            for screen in [viewer, ben, host] {
                try screen.send("q")
                try screen.waitForExit()
            }
        }

        @Test("the host killed with kill -9 while the others type: a note-taker takes over and nothing saved is lost or kept twice")
        func hostKilled() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let ben = try Self.join(folder, as: "ben", for: convene)
            let cleo = try Self.join(folder, as: "cleo", for: convene)
            var saved: [String] = []
            for (index, screen) in [ben, cleo].enumerated() {
                let text = "Before the kill \(index)"
                try Self.add(text, on: screen)
                saved.append(text)
            }
            // Both are typing when the host dies.
            try ben.press("a", until: "Enter save")
            try cleo.press("a", until: "Enter save")
            try ben.type("Typed while the host died")
            try cleo.type("Also typed then")
            let pid = try #require(try host.pid())
            kill(pid, SIGKILL)
            try host.waitForExit()
            try ben.press("Enter", until: "✓ Saved")
            try cleo.press("Enter", until: "✓ Saved")
            saved += ["Typed while the host died", "Also typed then"]
            for (index, screen) in [ben, cleo].enumerated() {
                let text = "After the kill \(index)"
                try Self.add(text, on: screen)
                saved.append(text)
            }
            for text in saved {
                try ben.waitFor(text)
                try cleo.waitFor(text)
            }
            try ben.waitFor("2 here:")
            for screen in [ben, cleo] {
                try screen.send("q")
                try screen.waitForExit()
            }
            let kept = try Self.journalTexts(folder)
            for text in saved { #expect(kept.filter { $0 == text }.count == 1, "\(text) kept \(kept.filter { $0 == text }.count) times") }
            #expect(!FileManager.default.fileExists(atPath: folder + "/.live.sock"), "the last screen to leave removes the socket")
        }
    
        @Test("a participant's proposal, accepted by a note-taker, is in the record without the participant's name under the Rule")
        func participantProposal() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let zoe = try Self.join(folder, as: "Zoë Okafor", ["--role", "participant"], for: convene)
            try zoe.press("a", until: "Enter save")
            try zoe.type("Should funders share the risk of failure?")
            try zoe.press("M-4", "Enter", until: "✓ Proposed")
            try host.waitFor("1 proposal waiting (m)")
            try host.press("m", until: "Should funders share the risk")
            try host.press("e", until: "then Enter accepts")
            try host.send("End")
            try host.type(" Or only part of it?")
            try host.press("Enter", until: "✓ Accepted into the record")
            try zoe.waitFor("Or only part")
            try zoe.send("q")
            try zoe.waitForExit()
            try host.send("q")
            try host.waitForExit()
            let written = try notes(folder)
            #expect(written.contains("Should funders share the risk of failure? Or only part of it?"))
            let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
            #expect(!journal.contains("Zoë") && !journal.contains("Okafor"), "under the Rule not even the journal names the participant")
        }

        @Test("convene follow joins a live session as a viewer and shows each change as it is saved; with no host left it reads the journal")
        func followAsViewer() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let follow = try Tmux.convene(["follow", folder], for: convene)
            try host.waitFor("(follow) viewer")
            try host.press("n", until: "1/8  Welcome")
            try follow.waitFor("Welcome, purpose")
            try Self.add("Seen on the projector at once", on: host)
            try follow.waitFor("Seen on the projector at once")
            try follow.press("a", "x", until: "Seen on the projector at once")
            #expect(try Self.journalTexts(folder) == ["Seen on the projector at once"], "a follower's keys change nothing")
            try host.send("q")
            try host.waitForExit()
            let added = try convene.run(["add", folder, "point", "Added by a script afterwards"])
            #expect(added.status == 0, "\(added.stderr)")
            try follow.waitFor("Added by a script afterwards")
            try follow.send("q")
            try follow.waitForExit()
        }

        @Test("the facilitator opens a dot vote, a participant places dots from their own screen, and the totals are on follow and in the notes")
        func dotVote() throws {
            let convene = try ConveneProcess()
            defer { convene.cleanUp() }
            let (folder, host) = try start(convene)
            let zoe = try Self.join(folder, as: "zoe", ["--role", "participant"], for: convene)
            let follow = try Tmux.convene(["follow", folder], for: convene)
            try host.waitFor("(follow) viewer")
            try host.press("V", until: "what the room votes on")
            try host.press("Enter", until: "the options, separated by ;")
            try host.send("C-u")
            try host.type("Shared risk; Longer grants; Peer review")
            try host.press("Enter", until: "dots each person places")
            try host.press("Enter", until: "✓ Vote open")
            try host.press("Escape", until: "vote open, 0 voted (V)")
            try zoe.waitFor("vote open, 0 voted (V)")
            try zoe.press("V", until: "Place up to 3 dots")
            try zoe.press("j", "+", "+", "j", "+", "Enter", until: "✓ Your 3 dots cast")
            try follow.waitFor("1 person voted so far")
            let shown = try follow.waitFor("Longer grants")
            #expect(shown.contains("2   ") && shown.contains("Peer review"))
            try host.waitFor("vote open, 1 voted (V)")
            try host.press("V", "c", until: "✓ Vote closed · most dots: Longer grants (2)")
            try follow.waitFor("closed · 1 person voted")
            try follow.send("q")
            try follow.waitForExit()
            // The ballot stays open on zoe's screen until Esc; q there closes it, as in every overlay.
            try zoe.send("q")
            try zoe.send("q")
            try zoe.waitForExit()
            try host.send("Escape")
            try host.send("q")
            try host.waitForExit()
            let written = try notes(folder)
            #expect(written.contains("| Longer grants | 2 |\n| Peer review | 1 |\n| Shared risk | 0 |"), "\(written)")
            #expect(!(try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)).contains("zoe"))
        }
}
}