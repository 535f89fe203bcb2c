import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a session as it runs: for a second screen, a projector or a participant over SSH.",
        discussion: """
            Read-only and without the lock; while the session is run live, a viewer joined to it, so each change shows as it is saved: shows the item under way with its prompt and clock (in large type on a wide \
            terminal), and what the room is working on as it is saved: the contexts on the 2×2 while they are rated, the \
            divergence table while it is filled, else the newest points. --no-points shows only the agenda and the clock.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    @Flag(name: .customLong("no-points"), help: "Show only the agenda and the clock: for a projector in a room under the Chatham House Rule.")
    var noPoints = false

    func run() throws {
        let folder = try target.folder(in: sessions)
        let wakeup = Wakeup()
        let live = LiveFollow(folder: folder, wakeup: wakeup)
        guard let first = try live.refreshed() else { throw CommandFailure("\(folder.name) cannot be read") }
        try onScreen("convene follow", otherwise: "`convene show` prints the notes to standard output", options: sessions) { terminal, signals, configuration in
            terminal.wakeup = wakeup
            let follow = FollowScene(backend: live, session: first, showsPoints: !noPoints, keys: configuration.keys, clock: { .nowToTheSecond })
            Program(terminal: terminal, root: follow).run(shouldStop: signals.shouldStop)
        }
    }
}

/// The follow screen re-reads the session when the store's watcher finds its journal changed.
extension JournalWatcher: FollowBackend {}
