import Foundation

/// What the home screen needs from the store. Opening a session runs it live on the same terminal
/// and returns when the user leaves it.
public protocol HomeBackend: AnyObject {
    /// The sessions folder, shown in the header.
    var location: String { get }
    func listings() -> (sessions: [SessionListing], templates: [TemplateListing], problems: [String])
    func runLive(folder: String, on terminal: any TerminalDevice) throws
    /// Creates a session and returns its folder's name.
    func create(template: String, title: String, date: String) throws -> String
}

/// `convene` with no arguments: the home screen's loop.
public final class HomeApp {
    private let terminal: any TerminalDevice
    private let backend: any HomeBackend
    public private(set) var screen: HomeScreen
    private var sessions: [SessionListing] = []
    private var templates: [TemplateListing] = []
    private var finished = false

    public init(terminal: any TerminalDevice, backend: any HomeBackend, today: String) {
        self.terminal = terminal
        self.backend = backend
        screen = HomeScreen(today: today)
        reload()
    }

    public func run(shouldStop: () -> Bool = { false }) {
        draw()
        while !finished && !shouldStop() {
            if let key = terminal.nextKey(timeoutMilliseconds: 1_000) { handle(key, shouldStop: shouldStop) }
            draw()
        }
    }

    public func handle(_ key: Key, shouldStop: () -> Bool = { false }) {
        for effect in screen.update(key, sessions: sessions, templates: templates) {
            switch effect {
            case .quit:
                finished = true
            case .open(let folder):
                open(folder)
            case .create(let template, let title, let date):
                do {
                    let folder = try backend.create(template: template, title: title, date: date)
                    reload()
                    open(folder)
                } catch {
                    screen.report("Not created: \(error)", isError: true)
                }
            }
        }
    }

    public func draw() {
        let size = terminal.size
        terminal.draw(screen.render(sessions: sessions, templates: templates, folder: backend.location,
                                    width: size.width, height: size.height))
    }

    private func open(_ folder: String) {
        do {
            try backend.runLive(folder: folder, on: terminal)
            reload()
            screen.report("Saved: \(folder)")
        } catch {
            screen.report("\(error)", isError: true)
        }
    }

    private func reload() {
        let listed = backend.listings()
        sessions = listed.sessions
        templates = listed.templates
        if let problem = listed.problems.first {
            screen.report(problem + (listed.problems.count > 1 ? " (and \(listed.problems.count - 1) more)" : ""), isError: true)
        }
    }
}
