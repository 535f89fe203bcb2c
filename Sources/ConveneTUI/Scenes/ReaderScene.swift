import ConveneCore

/// The reader's effects (only closing), and its document: laid out for the terminal's width before
/// each message and each frame, and taken whole once the keys first pause.
public final class ReaderEffects: EffectPerformer {
    /// The size the screen was last made ready for.
    public private(set) var world: TerminalSize = (0, 0)
    /// The whole document while it is still being parsed; nil once taken.
    private var arriving: Prefetched<MarkdownDocument>?

    init(arriving: Prefetched<MarkdownDocument>? = nil) {
        self.arriving = arriving
    }

    /// A message may need the whole document (the end, a search, the contents); a frame does not.
    public func prepare(_ screen: inout ReaderScreen, size: TerminalSize, forMessage: Bool) {
        if forMessage { takeWholeDocument(into: &screen) }
        world = size
        screen.fit(width: size.width)
    }

    public func perform(_ effect: ReaderEffect, on screen: ReaderScreen) -> Performed<Never> {
        switch effect {
        case .close: .then(.close, [])
        }
    }

    /// The rest of a long document is laid out while the keys rest.
    public func hasIdleWork(_ screen: ReaderScreen) -> Bool { arriving != nil || !screen.isLaidOut }

    public func idle(_ screen: inout ReaderScreen) -> [Never] {
        if arriving != nil { takeWholeDocument(into: &screen) } else { screen.layOutMore() }
        return []
    }

    private func takeWholeDocument(into screen: inout ReaderScreen) {
        guard let arriving else { return }
        screen.takeWhole(arriving.value)
        self.arriving = nil
    }
}

/// The reader on a terminal.
public typealias ReaderScene = ScreenScene<ReaderEffects>

extension ScreenScene where Performer == ReaderEffects {
    public convenience init(terminal: any TerminalDevice, screen: ReaderScreen) {
        self.init(screen: screen, performer: ReaderEffects(), terminal: terminal)
    }

    /// The reader drawn first from the document's opening; the whole is taken when the keys first
    /// pause, or before the first key (which may need all of it: the end, a search, the contents).
    public convenience init(terminal: any TerminalDevice, title: String, document: ArrivingDocument, keys: KeyMap = .standard) {
        let screen = ReaderScreen(title: title, document: document.opening, shareOfWhole: document.openingShare, keys: keys)
        self.init(screen: screen, performer: ReaderEffects(arriving: document.whole), terminal: terminal)
    }
}
