import ConveneCore
import Foundation

/// Where a followed session comes from: the journal, re-read when it changes.
public protocol FollowBackend: AnyObject {
    /// The session as it is now on disk, or nil when it has not changed since the last call.
    func refreshed() throws -> Session?
}

/// The follow view's effects: re-reading the session (at every tick) and closing.
public final class FollowEffects: EffectPerformer {
    private let backend: any FollowBackend
    private let clock: () -> Date

    init(backend: any FollowBackend, clock: @escaping () -> Date) {
        self.backend = backend
        self.clock = clock
    }

    public var world: Date { clock() }

    public func perform(_ effect: FollowEffect, on screen: FollowScreen) -> Performed<FollowOutcome> {
        switch effect {
        case .close:
            return .then(.close, [])
        case .refresh:
            do {
                guard let latest = try backend.refreshed() else { return .done }
                return .done([.refreshed(latest, at: clock())])
            } catch {
                return .done([.unreadable("\(error)")])
            }
        }
    }
}

/// The follow view on a terminal: re-reads the session at every tick and redraws.
public typealias FollowScene = ScreenScene<FollowEffects>

extension ScreenScene where Performer == FollowEffects {
    /// - Parameter showsPoints: false for a projector under the Chatham House Rule: the agenda and clock only.
    public convenience init(backend: any FollowBackend, session: Session, showsPoints: Bool = true,
                            keys: KeyMap = .standard, clock: @escaping () -> Date) {
        self.init(screen: FollowScreen(session: session, showsPoints: showsPoints, keys: keys),
                  performer: FollowEffects(backend: backend, clock: clock))
    }
}
