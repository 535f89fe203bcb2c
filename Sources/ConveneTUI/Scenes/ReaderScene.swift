/// The reader on a terminal: lays the document out for the terminal's width before each message
/// and each frame.
public final class ReaderScene: Scene {
    private let terminal: any TerminalDevice
    public private(set) var screen: ReaderScreen

    public init(terminal: any TerminalDevice, screen: ReaderScreen) {
        self.terminal = terminal
        self.screen = screen
    }

    public var minimumSize: (width: Int, height: Int) { ReaderScreen.minimumSize }

    public func receive(_ message: Message<Never>) -> Transition {
        let size = terminal.size
        screen.fit(width: size.width)
        return screen.update(message, height: size.height).contains(.close) ? .close : .stay
    }

    /// The rest of a long document is laid out while the keys rest.
    public var hasIdleWork: Bool { !screen.isLaidOut }

    public func idle() {
        screen.layOutMore()
    }

    public func render(width: Int, height: Int) -> Frame {
        screen.fit(width: width)
        return screen.render(width: width, height: height)
    }
}
