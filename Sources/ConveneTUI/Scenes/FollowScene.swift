import ConveneCore
import Foundation

/// Where a followed session comes from: the journal, re-read when it changes.
public protocol FollowBackend: AnyObject {
    /// The session as it is now on disk, or nil when it has not changed since the last call.
    func refreshed() throws -> Session?
}

/// The follow view on a terminal: re-reads the session at every tick and redraws.
public final class FollowScene: Scene {
    private let backend: any FollowBackend
    private let clock: () -> Date
    public private(set) var screen: FollowScreen

    /// - Parameter showsPoints: false for a projector under the Chatham House Rule: the agenda and clock only.
    public init(backend: any FollowBackend, session: Session, showsPoints: Bool = true, keys: KeyMap = .standard, clock: @escaping () -> Date) {
        self.backend = backend
        self.clock = clock
        screen = FollowScreen(session: session, showsPoints: showsPoints, keys: keys)
    }

    public var minimumSize: (width: Int, height: Int) { FollowScreen.minimumSize }

    public func render(width: Int, height: Int) -> Frame {
        screen.render(now: clock(), width: width, height: height)
    }

    public func receive(_ message: Message<Never>) -> Transition {
        for effect in screen.update(message.widened()) {
            switch effect {
            case .close:
                return .close
            case .refresh:
                do {
                    if let latest = try backend.refreshed() { _ = screen.update(.outcome(.refreshed(latest, at: clock()))) }
                } catch {
                    _ = screen.update(.outcome(.unreadable("\(error)")))
                }
            }
        }
        return .stay
    }
}
