import ConveneCore

/// Another session's record for the reader: what `{` and `}` open, over the reader.
public typealias SessionReading = (SessionReference) throws -> any Scene

/// A session's record as the reader shows it: its title, its notes, and its series' neighbours.
public struct SessionRecord: Sendable {
    public var title: String
    public var markdown: String
    public var series: ReaderSeries

    public init(title: String, markdown: String, series: ReaderSeries = ReaderSeries()) {
        self.title = title
        self.markdown = markdown
        self.series = series
    }
}

/// The reader's effects (closing, reading the series' next or previous session), and its document:
/// laid out for the terminal's width before each message and each frame, and taken whole once the
/// keys first pause.
public final class ReaderEffects: EffectPerformer {
    /// The size the screen was last made ready for.
    public private(set) var world: TerminalSize = (0, 0)
    /// The whole document while it is still being parsed; nil once taken.
    private var arriving: Prefetched<MarkdownDocument>?
    /// The session's title and series while it is still loading; nil once taken (or when the
    /// reader was given them).
    private var heading: Prefetched<ReaderHeading?>?

    private let reading: SessionReading?

    init(arriving: Prefetched<MarkdownDocument>? = nil, heading: Prefetched<ReaderHeading?>? = nil, reading: SessionReading? = nil) {
        self.arriving = arriving
        self.heading = heading
        self.reading = reading
    }

    /// A message may need the whole document (the end, a search, the contents) and the series
    /// (`{`, `}`); a frame takes the title as soon as it is there, and waits for nothing.
    public func prepare(_ screen: inout ReaderScreen, size: TerminalSize, forMessage: Bool) {
        if forMessage {
            takeWholeDocument(into: &screen)
            takeHeading(into: &screen, waiting: true)
        } else {
            takeHeading(into: &screen, waiting: false)
        }
        world = size
        screen.fit(width: size.width)
    }

    public func perform(_ effect: ReaderEffect, on screen: ReaderScreen) -> Performed<ReaderOutcome> {
        switch effect {
        case .close:
            return .then(.close, [])
        case .read(let session):
            guard let reading else { return .done([.notRead("Only a session's record leads to other sessions")]) }
            do {
                return .then(.open(try reading(session)), [])
            } catch {
                return .done([.notRead("\(session.title), \(session.date) could not be read: \(error)")])
            }
        }
    }

    /// The rest of a long document is laid out while the keys rest.
    public func hasIdleWork(_ screen: ReaderScreen) -> Bool { heading != nil || arriving != nil || !screen.isLaidOut }

    public func idle(_ screen: inout ReaderScreen) -> [ReaderOutcome] {
        if heading != nil {
            takeHeading(into: &screen, waiting: true)
        } else if arriving != nil {
            takeWholeDocument(into: &screen)
        } else {
            screen.layOutMore()
        }
        return []
    }

    private func takeHeading(into screen: inout ReaderScreen, waiting: Bool) {
        guard let heading, let arrived = waiting ? heading.value : heading.ready else { return }
        if let learnt = arrived { screen.settle(learnt) }
        self.heading = nil
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
    public convenience init(terminal: any TerminalDevice, screen: ReaderScreen, reading: SessionReading? = nil) {
        self.init(screen: screen, performer: ReaderEffects(reading: reading), terminal: terminal)
    }

    /// The reader drawn first from the document's opening; the whole is taken when the keys first
    /// pause, or before the first key (which may need all of it: the end, a search, the contents).
    /// `heading`: the title and series still to come (the session loading behind notes already
    /// shown), replacing `title` and `series` when they arrive; nil when the session does not load.
    public convenience init(terminal: any TerminalDevice, title: String, document: ArrivingDocument, keys: KeyMap = .standard,
                            series: ReaderSeries = ReaderSeries(), heading: Prefetched<ReaderHeading?>? = nil,
                            reading: SessionReading? = nil) {
        let screen = ReaderScreen(title: title, document: document.opening, shareOfWhole: document.openingShare, keys: keys,
                                  series: series)
        self.init(screen: screen, performer: ReaderEffects(arriving: document.whole, heading: heading, reading: reading), terminal: terminal)
    }
}

extension ScreenScene where Performer == ReaderEffects {
    /// A session's record in the reader, at the first place that says `query` if one is given;
    /// `{` and `}` read the series' sessions before and after it through `records` (by folder name),
    /// each over the last, so `q` goes back.
    public static func record(_ record: SessionRecord, terminal: any TerminalDevice, keys: KeyMap, query: String = "",
                              records: @escaping (String) throws -> SessionRecord) -> ReaderScene {
        let reading = Self.reading(terminal: terminal, keys: keys, records: records)
        // Opened at a search's first hit, the reader needs the whole record to find it; opened
        // plain, it shows a long record's opening while the rest is parsed.
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ReaderScene(terminal: terminal, title: record.title, document: ArrivingDocument(parsing: record.markdown), keys: keys,
                               series: record.series, reading: reading)
        }
        var reader = ReaderScreen(title: record.title, document: MarkdownDocument(parsing: record.markdown), keys: keys, series: record.series)
        reader.search(for: query)
        return ReaderScene(terminal: terminal, screen: reader, reading: reading)
    }

    /// What `{` and `}` do in a session's reader: read the linked session's record, through
    /// `records` (by folder name), in a reader that leads on in the same way.
    public static func reading(terminal: any TerminalDevice, keys: KeyMap, records: @escaping (String) throws -> SessionRecord) -> SessionReading {
        { reference in Self.record(try records(reference.folder), terminal: terminal, keys: keys, records: records) }
    }
}
