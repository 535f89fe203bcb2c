/// What performs a screen's effects on what lies outside it (the store, the terminal, the user's
/// editor), and gives the screen its world. One per kind of screen; `ScreenScene` drives it.
public protocol EffectPerformer: AnyObject {
    associatedtype Screen: ConveneTUI.Screen

    /// The world as it is now, for the next message or frame.
    var world: Screen.World { get }
    /// Makes the screen ready for a message (`forMessage`) or a frame at `size` (the reader lays
    /// its document out for the width). Nothing by default.
    func prepare(_ screen: inout Screen, size: TerminalSize, forMessage: Bool)
    /// Does one effect; `screen` is the screen as it is after the message.
    func perform(_ effect: Screen.Effect, on screen: Screen) -> Performed<Screen.Outcome>
    /// After a message and its effects: what the performer has to say on its own (an overrun
    /// alert, a draft that could not be kept). Nothing by default.
    func settled(_ screen: Screen) -> [Screen.Outcome]
    /// Whether there is work for when the keys pause (the notes after a change, the rest of a
    /// long document to lay out).
    func hasIdleWork(_ screen: Screen) -> Bool
    /// That work; what came of it.
    func idle(_ screen: inout Screen) -> [Screen.Outcome]
    /// The screen leaves for good (closed, or the program stopping): keep what must be kept.
    func finish(_ screen: Screen)
}

extension EffectPerformer {
    public func prepare(_ screen: inout Screen, size: TerminalSize, forMessage: Bool) {}
    public func settled(_ screen: Screen) -> [Screen.Outcome] { [] }
    public func hasIdleWork(_ screen: Screen) -> Bool { false }
    public func idle(_ screen: inout Screen) -> [Screen.Outcome] { [] }
    public func finish(_ screen: Screen) {}
}

/// How an effect went, for the scene.
public enum Performed<Outcome: Sendable> {
    /// Done: these outcomes go back to the screen (none: nothing to say).
    case done([Outcome])
    /// Done, and the program does this next (a screen opened over this one, or this one closed).
    case then(Transition, [Outcome])
    /// Not done, and nothing changed: the screen goes back to how it was before the message (what
    /// was being typed is still in its field) and hears why.
    case refused(Outcome)

    public static var done: Performed { .done([]) }
}

/// The one driver of every screen: holds the screen, hands it the loop's messages with its world,
/// performs the effects it answers with, and feeds their outcomes back through `update` (and
/// performs whatever those answer with, in turn), so no effect or outcome is ever dropped.
public final class ScreenScene<Performer: EffectPerformer>: Scene {
    public private(set) var screen: Performer.Screen
    public let performer: Performer
    /// Where the size for `prepare` comes from between frames (the reader's width); none for a
    /// screen that needs no size but the frame's.
    private let terminal: (any TerminalDevice)?

    /// - Parameter opening: what the screen hears before its first frame (a problem found opening it).
    public init(screen: Performer.Screen, performer: Performer, terminal: (any TerminalDevice)? = nil,
                opening: [Performer.Screen.Outcome] = []) {
        self.screen = screen
        self.performer = performer
        self.terminal = terminal
        tell(opening)
    }

    public var minimumSize: (width: Int, height: Int) { Performer.Screen.minimumSize }

    public func receive(_ message: Message<Never>) -> Transition {
        if let terminal { performer.prepare(&screen, size: terminal.size, forMessage: true) }
        let before = screen
        guard let transition = perform(screen.update(message.widened(), in: performer.world), undoingTo: before) else { return .stay }
        tell(performer.settled(screen))
        return transition
    }

    /// Outcomes the performer has on its own; what the screen asks for in answer is performed too.
    public func tell(_ outcomes: [Performer.Screen.Outcome]) {
        _ = perform(outcomes.flatMap { screen.update(.outcome($0), in: performer.world) }, undoingTo: nil)
    }

    /// Performs `effects` and what their outcomes ask for in turn; returns what the program does
    /// next. A refused change puts the screen back to `before` (when given) and stops there
    /// (returning nil); the screen hears why either way.
    private func perform(_ effects: [Performer.Screen.Effect], undoingTo before: Performer.Screen?) -> Transition? {
        var pending = effects
        var transition = Transition.stay
        while !pending.isEmpty {
            switch performer.perform(pending.removeFirst(), on: screen) {
            case .done(let outcomes):
                pending += outcomes.flatMap { screen.update(.outcome($0), in: performer.world) }
            case .then(let next, let outcomes):
                transition = next
                pending += outcomes.flatMap { screen.update(.outcome($0), in: performer.world) }
            case .refused(let why):
                if let before {
                    screen = before
                    tell([why])
                    return nil
                }
                pending += screen.update(.outcome(why), in: performer.world)
            }
        }
        return transition
    }

    public func render(width: Int, height: Int) -> Frame {
        performer.prepare(&screen, size: (width, height), forMessage: false)
        return screen.render(performer.world, width: width, height: height)
    }

    public var hasIdleWork: Bool { performer.hasIdleWork(screen) }

    public func idle() {
        tell(performer.idle(&screen))
    }

    public func finish() {
        performer.finish(screen)
    }
}
