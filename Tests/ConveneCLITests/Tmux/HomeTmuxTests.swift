import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Home screen in a real terminal", .serialized)
struct HomeTmuxTests {
    @Test("first run: no sessions, start a roundtable from its template, capture a point, back home, quit")
    func firstRun() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let tmux = try Tmux.convene([], for: convene, sessionsFolder: false)
        try tmux.waitFor("No sessions yet")
        try tmux.press("N", until: "choose a template")
        try tmux.press("j", "j", "Enter", until: "New Roundtable")
        try tmux.type("Learning and accountability")
        try tmux.press("Enter", until: "Date")
        try tmux.press("Enter", until: "CHATHAM HOUSE RULE")
        try tmux.send("n", "a")
        try tmux.type("Context decides what to measure.")
        try tmux.press("Enter", until: "✓ Saved")
        try tmux.press("q", until: "Saved: 20")
        try tmux.send("q")
        try tmux.waitForExit()

        let sessions = convene.home.appendingPathComponent(".local/share/convene")
        // The one session, beside the archive's hidden index.
        let folders = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { !$0.hasPrefix(".") }
        #expect(folders.count == 1)
        let notes = try String(contentsOfFile: sessions.appendingPathComponent(folders[0]).appendingPathComponent("notes.md").path, encoding: .utf8)
        #expect(notes.contains("Context decides what to measure."))
    }

    @Test("from home, F starts the next session of a series: its people and open action come along, and x closes the action live")
    func followUpFromHome() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "peer-learning", title: "Peer group 1", date: "2026-03-01")
        try convene.run(["add", "2026-03-01", "attendee", "Ana López", "--org", "Collaborate"])
        try convene.run(["add", "2026-03-01", "point", "Circulate the paper", "--kind", "action", "--owner", "Ana López", "--item", "6"])
        let tmux = try Tmux.convene([], for: convene)
        try tmux.waitFor("Peer group 1")
        try tmux.press("F", until: "Follow-up to Peer group 1")
        try tmux.send("BSpace")
        try tmux.type("2")
        try tmux.press("Enter", until: "Date")
        try tmux.press("Enter", until: "CHATHAM HOUSE RULE")
        // The first item holds what was carried: the action, who owns it and where it came from.
        try tmux.press("n", until: "from Peer group 1, 2026-03-01")
        let carried = try tmux.press("j", until: "Ana López")
        #expect(carried.contains("Circulate the paper"), "\(carried)")
        try tmux.press("x", until: "✓ done")
        try tmux.press("q", until: "Saved: ")
        try tmux.send("q")
        try tmux.waitForExit()
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: convene.sessions.path).first { $0.hasSuffix("-peer-group-2") })
        let second = try convene.notes(of: folder)
        #expect(second.contains("- Circulate the paper — Ana López · **done** · raised in [Peer group 1, 2026-03-01](../2026-03-01-peer-group-1/notes.md)"),
                "\(second)")
        #expect(second.contains("| Ana López | Collaborate | Participant |"))
        #expect(try convene.notes(of: "2026-03-01").contains("**Next:** [Peer group 2, "))
    }
}
