import Foundation

/// What the home screen needs from the store.
public protocol HomeBackend: AnyObject {
    /// The sessions folder, shown in the header.
    var location: String { get }
    func listings() -> (sessions: [SessionListing], templates: [TemplateListing], problems: [String])
    /// The session run live, as a scene to open over home (it holds the session's lock until it closes).
    func openLive(folder: String) throws -> any Scene
    /// Creates a session and returns its folder's name.
    func create(template: String, title: String, date: String) throws -> String
}

/// `convene` with no arguments: the home screen over the sessions folder; opening a session puts
/// the live screen on top, and closing it comes back here.
public final class HomeScene: Scene {
    private let backend: any HomeBackend
    public private(set) var screen: HomeScreen
    private var sessions: [SessionListing] = []
    private var templates: [TemplateListing] = []
    /// The session open over home, to say it is saved when it closes.
    private var opened: String?

    public init(backend: any HomeBackend, today: String, defaultTemplate: String? = nil, keys: KeyMap = .standard) {
        self.backend = backend
        screen = HomeScreen(today: today, defaultTemplate: defaultTemplate, keys: keys)
        reload()
    }

    public var minimumSize: (width: Int, height: Int) { HomeScreen.minimumSize }

    public func render(width: Int, height: Int) -> Frame {
        screen.render(sessions: sessions, templates: templates, folder: backend.location, width: width, height: height)
    }

    public func receive(_ message: Message<Never>) -> Transition {
        if case .returned = message {
            reload()
            if let opened { tell(.closed(folder: opened)) }
            opened = nil
            return .stay
        }
        for effect in screen.update(message.widened(), sessions: sessions, templates: templates) {
            switch effect {
            case .quit:
                return .quit
            case .open(let folder):
                return open(folder)
            case .create(let template, let title, let date):
                do {
                    let folder = try backend.create(template: template, title: title, date: date)
                    reload()
                    return open(folder)
                } catch {
                    tell(.notCreated("\(error)"))
                }
            }
        }
        return .stay
    }

    private func open(_ folder: String) -> Transition {
        do {
            let live = try backend.openLive(folder: folder)
            opened = folder
            return .open(live)
        } catch {
            tell(.notOpened("\(error)"))
            return .stay
        }
    }

    private func tell(_ outcome: HomeOutcome) {
        _ = screen.update(.outcome(outcome), sessions: sessions, templates: templates)
    }

    private func reload() {
        let listed = backend.listings()
        sessions = listed.sessions
        templates = listed.templates
        if let problem = listed.problems.first {
            tell(.problem(problem + (listed.problems.count > 1 ? " (and \(listed.problems.count - 1) more)" : "")))
        }
    }
}
