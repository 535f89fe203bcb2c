import ConveneCore
import Foundation

/// What a panel or an overlay may touch while it handles a key: the session as it is, the time
/// and the keys (to read), the overlay stack (to open a prompt, or close itself), the status line, and the
/// point put aside with Esc.
struct KeyHandling {
    let session: Session
    let now: Date
    /// The screen's keys: what a key does, and how a message names a key.
    let keys: KeyMap
    var status: StatusLine?
    /// A point cancelled with Esc, offered back by the next `a`.
    var draft: Composer?
    /// The agenda item looked at instead of the one under way (see `LiveScreen.viewing`).
    var viewing: EntityID?
    /// This screen's person in a shared session (nil: alone).
    var me: LivePerson?
    /// The ballots this screen cast (see `LiveScreen.ballots`).
    var ballots: [EntityID: Ballot] = [:]

    /// What the key opened, to go on top of the overlay stack (over the one handling the key,
    /// unless it closes).
    private(set) var opened: [any LiveOverlay] = []
    /// Whether the overlay handling the key closes, giving the keys back to what is under it.
    private(set) var closes = false
    /// What it settled with Enter, for whoever asked.
    private(set) var answer: Answer?

    mutating func open(_ overlay: any LiveOverlay) {
        opened.append(overlay)
    }

    /// The overlay handling the key closes once it has answered it; a field settled with Enter
    /// hands on what was typed.
    mutating func close(answering answer: Answer? = nil) {
        closes = true
        self.answer = answer
    }

    /// Says `text` (not a problem) and asks for nothing: the reply to a key that needs no effect.
    @discardableResult
    mutating func notice(_ text: String) -> [LiveEffect] {
        status = StatusLine(text)
        return []
    }

    /// The reply to a key an overlay has no use for: it says so, and how to get back.
    @discardableResult
    mutating func unbound(_ key: Key, back: String) -> [LiveEffect] {
        notice("\(key.label) does nothing here; \(back) goes back")
    }

    /// Says what is wrong with what was typed.
    @discardableResult
    mutating func problem(_ text: String) -> [LiveEffect] {
        status = StatusLine(text, isError: true)
        return []
    }
}

/// The position after `action` in a list of `count` things, from `index` (nil: nothing selected).
func moved(_ action: LiveAction, from index: Int?, count: Int) -> Int? {
    guard count > 0 else { return nil }
    return switch action {
    case .selectPrevious: max(0, (index ?? count) - 1)
    case .selectNext: min(count - 1, (index ?? -1) + 1)
    case .selectFirst: 0
    case .selectLast: count - 1
    default: index
    }
}
