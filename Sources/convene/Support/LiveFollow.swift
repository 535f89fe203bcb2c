import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// What `convene follow` shows: while the session has a host, a viewer joined to it (each change
/// arrives as it is kept, and wakes the screen at once); otherwise the journal, re-read when it
/// changes, with a look for a host now and then.
final class LiveFollow: FollowBackend {
    private let watcher: JournalWatcher
    private let name: String
    private let wakeup: Wakeup?
    private var seat: LiveSeat?
    /// The last record shown from the host, so an unchanged session is not drawn again.
    private var shownSeq = -1
    private var nextLook = Date.distantPast
    /// How often a follower without a host looks for one.
    static let lookInterval: TimeInterval = 2

    /// - Parameter wakeup: signalled when the host sends a change, so the screen draws it at once.
    init(folder: SessionFolder, wakeup: Wakeup?) {
        watcher = JournalWatcher(folder: folder)
        // How the follower is listed in the others' headers: a viewer, told apart from a typist.
        name = "\(LoginName.current) (follow)"
        self.wakeup = wakeup
    }

    deinit { seat?.close() }

    func refreshed() throws -> Session? {
        if seat?.isJoined != true, Date() >= nextLook {
            seat?.close()
            nextLook = Date().addingTimeInterval(Self.lookInterval)
            let wakeup = wakeup
            seat = LiveSeat.follow(watcher.folder, as: name, clock: { .nowToTheSecond }, changed: { wakeup?.signal() })
            shownSeq = -1
        }
        if let seat, seat.isJoined {
            let seq = seat.lastSeq
            guard seq != shownSeq else { return nil }
            shownSeq = seq
            return seat.session
        }
        return try watcher.refreshed()
    }
}
