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
}
