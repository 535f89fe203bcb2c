import Foundation
import Testing

extension RealTerminal {
    /// `[sync] auto` seen from the live screen: what a note-taker typed leaves for the shared
    /// repository when the session closes, without anyone running `convene sync`.
    @Suite("Syncing when a live session closes")
    struct SyncAfterLiveSession {
        @Test("with [sync] auto, quitting a live session sends what was typed to the shared repository")
        func afterClosing() throws {
            let organisation = try ArchiveSyncTests.Organisation()
            let convene = try organisation.office()
            let folder = try convene.newSessionFolder(title: "Typed live")
            #expect(try convene.run(["sync", "--init", organisation.remote.path]).status == 0)
            // The terminal's convene reads the settings where a person keeps them.
            let config = convene.home.appendingPathComponent(".config/convene")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("[sync]\nauto = true\n".utf8).write(to: config.appendingPathComponent("config.toml"))

            let tmux = try Tmux.convene(["run", folder], for: convene)
            try tmux.waitFor("CHATHAM HOUSE RULE")
            try tmux.press("a", until: "Enter save")
            try tmux.type("Funding follows learning, said in the room")
            try tmux.press("Enter", until: "✓ Saved")
            try tmux.send("q")
            try tmux.waitForExit()

            try ArchiveSyncTests.eventually("the point typed live to reach the shared repository once the session closed") {
                try ArchiveSyncTests.git(["log", "-p", "--all"], in: organisation.remote).contains("Funding follows learning, said in the room")
            }
            ArchiveSyncTests.waitForBackgroundSync(in: convene)
        }
    }
}
