import ConveneCore
import Foundation

/// What the home screen needs from the store.
public protocol HomeBackend: AnyObject {
    /// The sessions folder, shown in the header.
    var location: String { get }
    func listings() -> (sessions: [SessionSummary], templates: [TemplateListing], problems: [String])
    /// The session run live, as a scene to open over home (it holds the session's lock until it closes).
    func openLive(folder: String) throws -> any Scene
    /// The session's notes in the reader, as a scene to open over home; nothing can change there.
    func openReader(folder: String) throws -> any Scene
    /// The session followed as it runs, read-only, as a scene to open over home.
    func openFollow(folder: String) throws -> any Scene
    /// The review list over home, searching.
    func openSearch() throws -> any Scene
    /// Creates a session from a template, or as the next of a series, and returns its folder's name.
    func create(_ source: NewSessionSource, title: String, date: String) throws -> String
}

/// The home screen's effects: listing the sessions folder, creating a session, and opening one
/// live over home (closing it comes back here).
public final class HomeEffects: EffectPerformer {
    private let backend: any HomeBackend
    public private(set) var world: HomeWorld
    /// The session open over home, to say it is saved when it closes.
    private var opened: String?

    init(backend: any HomeBackend) {
        self.backend = backend
        world = HomeWorld(sessions: [], templates: [], folder: backend.location)
    }

    public func perform(_ effect: HomeEffect, on screen: HomeScreen) -> Performed<HomeOutcome> {
        switch effect {
        case .quit:
            return .then(.quit, [])
        case .reload:
            let closed = opened.map { [HomeOutcome.closed(folder: $0)] } ?? []
            opened = nil
            return .done(closed + reload())
        case .open(let folder):
            return open(folder)
        case .read(let folder):
            return over { try backend.openReader(folder: folder) }
        case .follow(let folder):
            return over { try backend.openFollow(folder: folder) }
        case .search:
            return over { try backend.openSearch() }
        case .create(let source, let title, let date):
            do {
                let folder = try backend.create(source, title: title, date: date)
                _ = reload()
                return open(folder)
            } catch {
                return .done([.notCreated("\(error)")])
            }
        }
    }

    /// A read-only scene over home; nothing there changes what home lists.
    private func over(_ scene: () throws -> any Scene) -> Performed<HomeOutcome> {
        do {
            return .then(.open(try scene()), [])
        } catch {
            return .done([.notOpened("\(error)")])
        }
    }

    private func open(_ folder: String) -> Performed<HomeOutcome> {
        do {
            let live = try backend.openLive(folder: folder)
            opened = folder
            return .then(.open(live), [])
        } catch {
            return .done([.notOpened("\(error)")])
        }
    }

    /// Lists the sessions folder again; what could not be read is said.
    func reload() -> [HomeOutcome] {
        let listed = backend.listings()
        world.sessions = listed.sessions
        world.templates = listed.templates
        guard let problem = listed.problems.first else { return [] }
        return [.problem(problem + (listed.problems.count > 1 ? " (and \(listed.problems.count - 1) more)" : ""))]
    }
}

/// `convene` with no arguments: the home screen over the sessions folder; opening a session puts
/// the live screen on top, and closing it comes back here.
public typealias HomeScene = ScreenScene<HomeEffects>

extension ScreenScene where Performer == HomeEffects {
    public convenience init(backend: any HomeBackend, today: String, defaultTemplate: String? = nil, keys: KeyMap = .standard) {
        let performer = HomeEffects(backend: backend)
        let problems = performer.reload()
        self.init(screen: HomeScreen(today: today, defaultTemplate: defaultTemplate, keys: keys), performer: performer, opening: problems)
    }
}
