/// What a screen's `update` takes: a key, the clock's tick, a new terminal size, word that the
/// screen it opened has closed, or how an effect it asked for turned out. Every screen of the
/// product takes these and answers with effects, values its scene performs; effects' results come
/// back as `.outcome` messages rather than through side doors.
public enum Message<Outcome: Sendable>: Sendable {
    case key(Key)
    case tick
    case resize
    /// The scene this one opened has closed: this one is on top again.
    case returned
    case outcome(Outcome)
}

extension Message: Equatable where Outcome: Equatable {}

/// A screen bound to what it works on: it holds the screen's state and its backend, passes the
/// loop's messages to the screen, performs the effects the screen answers with, and sends their
/// results back to it. The program runs whichever scene is on top.
public protocol Scene: AnyObject {
    /// The smallest terminal the scene lays out in; below it the program shows a notice instead.
    var minimumSize: (width: Int, height: Int) { get }
    /// One message from the loop; returns what the program does next.
    func receive(_ message: Message<Never>) -> Transition
    func render(width: Int, height: Int) -> Frame
    /// The scene leaves the screen for good (closed, or the program stopping): keep what must be kept.
    func finish()
    /// Whether the scene has work to do once the keys stop (the live screen's notes after a change).
    var hasIdleWork: Bool { get }
    /// Does that work: the loop calls it when no key has come for `Program.idleMilliseconds`, so a
    /// burst of keys is answered first and the work is done once for all of them.
    func idle()
}

extension Scene {
    public func finish() {}
    public var hasIdleWork: Bool { false }
    public func idle() {}
}

/// What the program does after a message.
public enum Transition {
    case stay
    /// Put this scene on top (home opens a session live, the review list opens the reader).
    case open(any Scene)
    /// Close the scene on top and go back to the one under it.
    case close
    /// End the program.
    case quit
}

/// The one loop of every full-screen command: draw the scene on top, wait for a key or the tick,
/// pass it on, follow the transition. One tick rate, one too-small guard, for every screen.
public final class Program {
    /// Keys wake the loop at once; without them it ticks at this interval, so clocks keep time and
    /// a followed session is re-read.
    public static let tickMilliseconds = 500
    /// How long the loop waits for another key before the scene's idle work: a pause in typing.
    public static let idleMilliseconds = 40
    private let terminal: any TerminalDevice
    public private(set) var scenes: [any Scene]
    /// The frame last drawn: what a mouse press is looked up in.
    private var shown: Frame?

    public init(terminal: any TerminalDevice, root: any Scene) {
        self.terminal = terminal
        scenes = [root]
    }

    public var isFinished: Bool { scenes.isEmpty }
    public var top: (any Scene)? { scenes.last }

    /// Runs until the last scene closes or `shouldStop` says so (after SIGTERM); every scene left
    /// is finished either way.
    public func run(shouldStop: () -> Bool = { false }) {
        draw()
        while !isFinished && !shouldStop() {
            let hasIdleWork = top?.hasIdleWork ?? false
            if let key = terminal.nextKey(timeoutMilliseconds: hasIdleWork ? Self.idleMilliseconds : Self.tickMilliseconds) {
                receive(key)
                // Keys that have already arrived (a paste without brackets, typing faster than a
                // frame) are taken before the next frame is drawn: the screen shows the latest.
                let deadline = ContinuousClock.now.advanced(by: .milliseconds(Self.idleMilliseconds))
                while !isFinished, ContinuousClock.now < deadline, let next = terminal.nextKey(timeoutMilliseconds: 0) {
                    receive(next)
                }
            } else if hasIdleWork {
                top?.idle()
            } else {
                tick()
            }
            draw()
        }
        finishAll()
    }

    /// What follows the Esc of a paste's end marker (`\e[201~`).
    static let splitPasteEnd: [Character] = ["[", "2", "0", "1", "~"]

    /// How long a paste may pause mid-way (the terminal delivers it in pieces) before the text so
    /// far is passed on.
    static let pasteGapMilliseconds = 100

    /// A key from the terminal. A bracketed paste is gathered into one `.text` key (its line breaks
    /// as `\n`, a tab as a tab), so however long it is the screen takes it in one change and draws
    /// once. Keys that are not text inside it (an arrow's sequence) are passed on as they came,
    /// for the screen to drop.
    public func receive(_ key: Key) {
        guard key == .pasteStart else { return send(key) }
        send(.pasteStart)
        var text = ""
        func flush() {
            if !text.isEmpty { send(.text(text)) }
            text = ""
        }
        // The end marker, ESC [ 2 0 1 ~, split by a slow terminal into an Esc and characters (the
        // rest came after ncurses stopped waiting for it): recognised here, or the screen would
        // stay in the paste and take every later Enter as a line break.
        var marker: [Character]?
        while !isFinished, let next = terminal.nextKey(timeoutMilliseconds: Self.pasteGapMilliseconds) {
            if let begun = marker {
                if case .character(let character) = next, Self.splitPasteEnd.starts(with: begun + [character]) {
                    marker = begun + [character]
                    if marker == Self.splitPasteEnd {
                        flush()
                        return send(.pasteEnd)
                    }
                    continue
                }
                // Not the marker after all: the Esc is dropped as any key in a paste is, the rest is text.
                text.append(contentsOf: begun)
                marker = nil
            }
            switch next {
            case .escape:
                marker = []
            case .character(let character): text.append(character)
            case .enter, .control("j"): text.append("\n")
            case .tab: text.append("\t")
            // A pasted ESC arrives joined to the character after it: the character is text.
            case .alt(let character) where character != "\u{7F}": text.append(character)
            case .pasteEnd:
                flush()
                return send(.pasteEnd)
            default:
                flush()
                send(next)
            }
        }
        // The paste stopped without its end: what came is passed on; the rest arrives as keys.
        text.append(contentsOf: marker ?? [])
        flush()
    }

    /// One key, as if typed: for the loop and for tests. A mouse press becomes a click on what the
    /// frame on screen has marked there; a press on nothing clickable is nothing.
    public func send(_ key: Key) {
        if case .mouse(let row, let column) = key {
            guard let target = shown?.target(atRow: row, column: column) else { return }
            return step(.key(.click(target)))
        }
        step(key == .resize ? .resize : .key(key))
    }

    public func tick() {
        step(.tick)
    }

    /// The keys stop for a moment: the scene on top does its idle work, if it has any (for tests,
    /// which press keys without the loop's waiting).
    public func pause() {
        if let top, top.hasIdleWork { top.idle() }
    }

    public func draw() {
        let size = terminal.size
        guard let top else { return }
        var frame: Frame
        if size.width < top.minimumSize.width || size.height < top.minimumSize.height {
            frame = Frame(width: size.width, height: size.height)
            TooSmallNotice.draw(into: &frame, minimum: top.minimumSize)
        } else {
            frame = top.render(width: size.width, height: size.height)
        }
        terminal.draw(frame)
        shown = frame
    }

    private func step(_ message: Message<Never>) {
        guard let top else { return }
        follow(top.receive(message))
    }

    private func follow(_ transition: Transition) {
        switch transition {
        case .stay:
            break
        case .open(let scene):
            scenes.append(scene)
        case .close:
            scenes.popLast()?.finish()
            if let top { follow(top.receive(.returned)) }
        case .quit:
            finishAll()
        }
    }

    private func finishAll() {
        while let scene = scenes.popLast() { scene.finish() }
    }
}

extension Message where Outcome == Never {
    /// The loop's message as one for a screen whose effects have outcomes of their own.
    func widened<Other>() -> Message<Other> {
        switch self {
        case .key(let key): .key(key)
        case .tick: .tick
        case .resize: .resize
        case .returned: .returned
        }
    }
}
