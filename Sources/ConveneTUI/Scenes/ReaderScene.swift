import ConveneCore

/// The reader on a terminal: lays the document out for the terminal's width before each message
/// and each frame.
public final class ReaderScene: Scene {
    private let terminal: any TerminalDevice
    public private(set) var screen: ReaderScreen

    /// The whole document while it is still being parsed; nil once taken.
    private var arriving: Prefetched<MarkdownDocument>?

    public init(terminal: any TerminalDevice, screen: ReaderScreen) {
        self.terminal = terminal
        self.screen = screen
    }

    /// The reader drawn first from the document's opening; the whole is taken when the keys first
    /// pause, or before the first key (which may need all of it: the end, a search, the contents).
    public convenience init(terminal: any TerminalDevice, title: String, document: ArrivingDocument, keys: KeyMap = .standard) {
        let screen = ReaderScreen(title: title, document: document.opening, shareOfWhole: document.openingShare, keys: keys)
        self.init(terminal: terminal, screen: screen)
        arriving = document.whole
    }

    public var minimumSize: (width: Int, height: Int) { ReaderScreen.minimumSize }

    public func receive(_ message: Message<Never>) -> Transition {
        takeWholeDocument()
        let size = terminal.size
        screen.fit(width: size.width)
        return screen.update(message, height: size.height).contains(.close) ? .close : .stay
    }

    /// The rest of a long document is laid out while the keys rest.
    public var hasIdleWork: Bool { arriving != nil || !screen.isLaidOut }

    public func idle() {
        if arriving != nil { takeWholeDocument() } else { screen.layOutMore() }
    }

    private func takeWholeDocument() {
        guard let arriving else { return }
        screen.takeWhole(arriving.value)
        self.arriving = nil
    }

    public func render(width: Int, height: Int) -> Frame {
        screen.fit(width: width)
        return screen.render(width: width, height: height)
    }
}
