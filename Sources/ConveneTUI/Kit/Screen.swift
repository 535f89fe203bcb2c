/// The one contract of every screen of the product: it holds its own state (what is selected, what
/// is being typed, which overlay is open), takes messages (a key, the tick, a new size, how an
/// effect it asked for turned out) and answers with effects, values its scene performs. What it
/// reads but does not own (the session, the sessions listed, the time) comes with every call as
/// its `World`, so a screen is tested by calling `update` and checking the effects it answers.
public protocol Screen: Sendable {
    /// What the screen reads each time: the session and the time, the sessions listed, the size.
    associatedtype World
    /// What the screen asks for: a change kept, a search run, another screen opened.
    associatedtype Effect: Sendable
    /// How an effect turned out, sent back through `update`.
    associatedtype Outcome: Sendable

    /// The smallest terminal the screen lays out in; below it the program shows a notice instead.
    static var minimumSize: (width: Int, height: Int) { get }
    mutating func update(_ message: Message<Outcome>, in world: World) -> [Effect]
    /// Draws the whole screen into `frame`, which has the terminal's size.
    func render(_ world: World, into frame: inout Frame)
}

extension Screen {
    /// The screen drawn at `width`×`height`.
    public func render(_ world: World, width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        render(world, into: &frame)
        return frame
    }
}
