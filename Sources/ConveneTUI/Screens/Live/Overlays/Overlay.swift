import ConveneCore

/// What lies over the live screen's panel, on a stack: the top one takes the keys, and when it
/// closes the keys go back to what is under it (a question opened from the attendees returns to
/// them; a fix opened from the disclosure review returns to the review).
///
/// To add an overlay: a type in this folder that conforms, opened with `KeyHandling.open` by the
/// key, panel or overlay that opens it; its keys go in `KeyMap` (closing on Esc, the quit key and
/// the key that opened it), and what it asks in a `Question` comes back to its `settle`.
protocol LiveOverlay: Sendable {
    /// A key, while it is on top. It closes itself with `context.close` (answering, for a field
    /// settled with Enter), and opens what goes over it with `context.open`.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]
    /// A question it opened, answered with Enter while it was under the question; nil when the
    /// question is not its.
    mutating func settle(_ question: Question, in context: inout KeyHandling) -> [LiveEffect]?
    /// Draws it over the phase's panel.
    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap)
    /// The hint line while it is on top.
    func hints(_ keys: KeyMap) -> [(key: String, text: String)]
    /// Whether it is typed into at the bottom of the screen (the composer, a question): the panel,
    /// or the overlay under it, stays in view.
    var isField: Bool { get }
}

extension LiveOverlay {
    mutating func settle(_ question: Question, in context: inout KeyHandling) -> [LiveEffect]? { nil }
    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {}
    var isField: Bool { false }
}

/// What a field settles with Enter.
enum Answer {
    /// A point typed in the composer: the panel of the item on screen keeps it.
    case point(Composer)
    /// A question's answer: whoever asked settles it (`LiveScreen.settle`).
    case question(Question)
}
