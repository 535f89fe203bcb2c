import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// The home screen's view of the sessions folder and templates.
final class StoreHome: HomeBackend {
    private let options: SessionsOptions
    private let signals: TerminationSignals
    private let terminal: any TerminalDevice
    /// The config file's alerts, for sessions opened live from here.
    private let alerts: OverrunAlerts.Settings
    /// The config file's keys, for sessions opened live from here.
    private let keys: KeyMap
    /// A session was opened live from here: the next listing follows its closing.
    private var openedLive = false

    init(options: SessionsOptions, signals: TerminationSignals, terminal: any TerminalDevice, alerts: OverrunAlerts.Settings, keys: KeyMap) {
        self.options = options
        self.signals = signals
        self.terminal = terminal
        self.alerts = alerts
        self.keys = keys
    }

    var location: String { options.location.sessions.path }

    func listings() -> (sessions: [SessionSummary], templates: [TemplateListing], problems: [String]) {
        // Through the archive's index: opening home on a thousand sessions reads only what changed.
        let (sessions, problems) = Archive(options: options).summaries()
        let (found, templateProblems) = options.templates.sessionTemplates()
        let templates = found.map { template in
            TemplateListing(
                name: template.name, title: template.title, summary: template.summary, chathamHouse: template.chathamHouse,
                items: template.agenda.count, minutes: template.agenda.reduce(0) { $0 + $1.minutes }
            )
        }
        // The sessions folder is in the title bar: problems name what is in it from there, so the
        // part that matters (which session, which line) fits on the status line.
        let prefix = options.location.sessions.path + "/"
        let sync = AutoSync.start(openedLive ? .sessionClosed : .showing, options: options)
        openedLive = false
        return (sessions, templates, (problems + templateProblems.map(\.description) + (sync.map { [$0] } ?? []))
            .map { $0.replacingOccurrences(of: prefix, with: "") })
    }

    /// The session live; its lock is held until the live scene closes (`StoreBackend.close`).
    func openLive(folder: String) throws -> any Scene {
        let renderer = try options.templates.notesRenderer()
        let wakeup = Wakeup()
        (terminal as? NCursesTerminal)?.wakeup = wakeup
        let seat = try StoreBackend.seat(in: try options.catalog.resolve(folder), as: nil, role: nil, wakeup: wakeup)
        openedLive = true
        return StoreBackend(seat: seat, renderer: renderer, signals: signals).liveScene(on: terminal, alerts: alerts, keys: keys)
    }

    /// The notes read without the lock, as `convene review` reads them.
    func openReader(folder: String) throws -> any Scene {
        let options = options
        return ReaderScene.record(try StoreReview.record(of: folder, options: options), terminal: terminal, keys: keys) { folder in
            try StoreReview.record(of: folder, options: options)
        }
    }

    /// Followed without the lock, as `convene follow` follows it.
    func openFollow(folder: String) throws -> any Scene {
        let wakeup = Wakeup()
        (terminal as? NCursesTerminal)?.wakeup = wakeup
        let live = LiveFollow(folder: try options.catalog.resolve(folder), wakeup: wakeup)
        guard let first = try live.refreshed() else { throw CommandFailure("\(folder) cannot be read") }
        return FollowScene(backend: live, session: first, showsPoints: true, keys: keys, clock: { .nowToTheSecond })
    }

    func openSearch() throws -> any Scene {
        ReviewScene(terminal: terminal, backend: StoreReview(options: options), keys: keys, searching: true)
    }

    func create(_ source: NewSessionSource, title: String, date: String) throws -> String {
        let renderer = try options.templates.notesRenderer()
        var previous: FollowedSession?
        let setup: SessionSetup
        switch source {
        case .template(let name):
            setup = try options.templates.sessionTemplate(named: name).setup(title: title, date: date)
        case .followUp(let folder, _):
            let followed = try FollowedSession(options.catalog.resolve(folder))
            setup = try followed.setup(title: title, date: date, template: nil, purpose: nil, hosts: [], series: nil,
                                       templates: options.templates)
            previous = followed
        }
        let writer = try SessionWriter.create(in: options.location.sessions, setup: setup, at: .nowToTheSecond, author: LoginName.current) { writer in
            try previous?.carried(into: writer)
            // The home screen owns the terminal: a notes problem shows at the first change, live.
            _ = SessionNotes(folder: writer.folder, renderer: renderer).problem(bringingUpTo: writer.session)
        }
        defer { writer.close() }
        // Linking back waits for no one: a previous session open live elsewhere is linked later.
        _ = previous?.link(to: writer.session.reference(folder: writer.folder.name), series: writer.session.seriesName,
                           options: options, wait: .zero)
        return writer.folder.name
    }
}
