/// What the app needs of a terminal: its size, a way to show a frame, and keys. ncurses implements
/// it for people; `VirtualTerminal` implements it for tests.
public protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    func draw(_ frame: Frame)
    /// The next key, or nil when `timeoutMilliseconds` pass with none (so clocks can tick).
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// Gives the terminal to another program (an editor) for the length of `body`, then takes it back.
    func suspend(_ body: () throws -> Void) rethrows
    /// Rings the terminal's bell (an overrun alert).
    func bell()
}

/// A terminal in memory: keys are queued by the test, frames are kept for it to read.
public final class VirtualTerminal: TerminalDevice {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [Frame] = []
    private var keys: [Key] = []
    private var nextKeyIndex = 0

    public init(width: Int, height: Int) {
        size = (width, height)
    }

    public var screen: Frame? { frames.last }
    /// How many times the bell has rung.
    public private(set) var bells = 0

    public func bell() {
        bells += 1
    }

    public func type(_ text: String) {
        keys += text.map { .character($0) }
    }

    public func press(_ key: Key...) {
        keys += key
    }

    public func resize(width: Int, height: Int) {
        size = (width, height)
        keys.append(.resize)
    }

    public func draw(_ frame: Frame) {
        frames.append(frame)
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        // Read by position, not removed from the front: a paste of 300,000 keys is queued at once.
        guard nextKeyIndex < keys.count else {
            keys.removeAll(keepingCapacity: true)
            nextKeyIndex = 0
            return nil
        }
        defer { nextKeyIndex += 1 }
        return keys[nextKeyIndex]
    }

    public private(set) var suspensions = 0

    public func suspend(_ body: () throws -> Void) rethrows {
        suspensions += 1
        try body()
    }
}

/// A terminal's size in columns and rows: the world of a screen that reads nothing else.
public typealias TerminalSize = (width: Int, height: Int)
