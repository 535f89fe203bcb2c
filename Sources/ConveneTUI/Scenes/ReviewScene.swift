import ConveneCore

/// What the review list needs from the store.
public protocol ReviewBackend: AnyObject {
    func listings() -> [SessionSummary]
    func search(_ query: String) -> [SearchHit]
    /// The archive's own spelling of a query that found nothing ("capabilities" for "capabilties").
    func suggestion(for query: String) -> String?
    /// The session's title, notes as Markdown and series, read without the lock.
    func notes(of folder: String) throws -> SessionRecord
    /// The open questions and actions of every session in `folder`'s series, as Markdown.
    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String)
}

/// The review list's effects: searches run on the store, and the reader opened over the list.
public final class ReviewEffects: EffectPerformer {
    private let terminal: any TerminalDevice
    private let backend: any ReviewBackend
    private let sessions: [SessionSummary]

    init(terminal: any TerminalDevice, backend: any ReviewBackend) {
        self.terminal = terminal
        self.backend = backend
        sessions = backend.listings()
    }

    public var world: [SessionSummary] { sessions }

    public func perform(_ effect: ReviewEffect, on screen: ReviewListScreen) -> Performed<ReviewOutcome> {
        switch effect {
        case .close:
            return .then(.close, [])
        case .search(let query):
            return .done([.found(query: query, hits: backend.search(query))])
        case .suggest(let query):
            return .done([.suggested(query: query, instead: backend.suggestion(for: query))])
        case .read(let folder, let query):
            do {
                let record = try backend.notes(of: folder)
                return .then(.open(ReaderScene.record(record, terminal: terminal, keys: screen.keys, query: query,
                                                      records: backend.notes(of:))), [])
            } catch {
                return .done([.notRead("\(error)")])
            }
        case .readOpenQuestions(let folder):
            do {
                let (title, markdown) = try backend.openQuestions(ofSeriesOf: folder)
                let reader = ReaderScreen(title: title, document: MarkdownDocument(parsing: markdown), keys: screen.keys)
                return .then(.open(ReaderScene(terminal: terminal, screen: reader)), [])
            } catch {
                return .done([.notRead("\(error)")])
            }
        }
    }
}

/// `convene review` with no file: the list with search; reading a session opens the reader on top.
public typealias ReviewScene = ScreenScene<ReviewEffects>

extension ScreenScene where Performer == ReviewEffects {
    /// - Parameter searching: open with the search field taking the keys (`/` on the home screen).
    public convenience init(terminal: any TerminalDevice, backend: any ReviewBackend, keys: KeyMap = .standard, searching: Bool = false) {
        self.init(screen: ReviewListScreen(keys: keys, searching: searching), performer: ReviewEffects(terminal: terminal, backend: backend))
    }
}
