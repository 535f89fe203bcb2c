import ConveneStore
import Foundation

/// `[sync] auto = true`: the sessions folder syncs in the background after a live session closes
/// and before `list`, `review` and `home` show the archive. Never waited for: what is shown is
/// what is here now, and what comes in is there the next time. Offline is no error; the last
/// sync's outcome is said, and the next command tries again.
enum AutoSync {
    /// Not more often than this when only showing an archive that has not changed here: scripts
    /// may list it in a loop.
    static let interval: TimeInterval = 30

    enum Moment {
        /// A live session closed: its changes go out now.
        case sessionClosed
        /// The archive is about to be shown.
        case showing
    }

    /// Starts a sync in the background when the settings ask for it and the folder is shared;
    /// returns what to tell about the last one (nil when it went through, or none is set up).
    @discardableResult
    static func start(_ moment: Moment, options: SessionsOptions) -> String? {
        guard let configuration = try? options.configuration(), configuration.autoSync else { return nil }
        let repository = ArchiveRepository(root: options.location.sessions)
        guard repository.isShared else { return nil }
        let last = repository.lastSync
        let due = last.map { Date().timeIntervalSince($0.at) > interval || repository.changed(since: $0.at) } ?? true
        if moment == .sessionClosed || due {
            _ = BackgroundCommand.start("sync", options: options, arguments: ["--background"])
        }
        return last?.notice
    }
}
