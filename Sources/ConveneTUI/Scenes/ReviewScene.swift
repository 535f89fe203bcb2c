/// What the review list needs from the store.
public protocol ReviewBackend: AnyObject {
    func listings() -> [SessionListing]
    func search(_ query: String) -> [ReviewHit]
    /// The session's title and notes as Markdown, read without the lock.
    func notes(of folder: String) throws -> (title: String, markdown: String)
    /// The open questions and actions of every session in `folder`'s series, as Markdown.
    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String)
}

/// `convene review` with no file: the list with search; reading a session opens the reader on top.
public final class ReviewScene: Scene {
    private let terminal: any TerminalDevice
    private let backend: any ReviewBackend
    public private(set) var screen: ReviewListScreen
    private let sessions: [SessionListing]

    public init(terminal: any TerminalDevice, backend: any ReviewBackend, keys: KeyMap = .standard) {
        screen = ReviewListScreen(keys: keys)
        self.terminal = terminal
        self.backend = backend
        sessions = backend.listings()
    }

    public var minimumSize: (width: Int, height: Int) { ReviewListScreen.minimumSize }

    public func render(width: Int, height: Int) -> Frame {
        screen.render(sessions: sessions, width: width, height: height)
    }

    public func receive(_ message: Message<Never>) -> Transition {
        for effect in screen.update(message.widened(), sessions: sessions) {
            switch effect {
            case .close:
                return .close
            case .search(let query):
                tell(.found(query: query, hits: backend.search(query)))
            case .read(let folder, let query):
                do {
                    let (title, markdown) = try backend.notes(of: folder)
                    // Opened at a search's first hit, the reader needs the whole record to find it;
                    // opened plain, it shows a long record's opening while the rest is parsed.
                    guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                        return .open(ReaderScene(terminal: terminal, title: title, document: ArrivingDocument(parsing: markdown), keys: screen.keys))
                    }
                    var reader = ReaderScreen(title: title, document: MarkdownDocument(parsing: markdown), keys: screen.keys)
                    reader.search(for: query)
                    return .open(ReaderScene(terminal: terminal, screen: reader))
                } catch {
                    tell(.notRead("\(error)"))
                }
            case .readOpenQuestions(let folder):
                do {
                    let (title, markdown) = try backend.openQuestions(ofSeriesOf: folder)
                    let reader = ReaderScreen(title: title, document: MarkdownDocument(parsing: markdown), keys: screen.keys)
                    return .open(ReaderScene(terminal: terminal, screen: reader))
                } catch {
                    tell(.notRead("\(error)"))
                }
            }
        }
        return .stay
    }

    private func tell(_ outcome: ReviewOutcome) {
        _ = screen.update(.outcome(outcome), sessions: sessions)
    }
}
