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
        return (sessions, templates, (problems + templateProblems.map(\.description)).map { $0.replacingOccurrences(of: prefix, with: "") })
    }

    /// The session live; its lock is held until the live scene closes (`StoreBackend.close`).
    func openLive(folder: String) throws -> any Scene {
        let renderer = try options.templates.notesRenderer()
        let writer = try SessionWriter.open(try options.catalog.resolve(folder))
        return StoreBackend(writer: writer, renderer: renderer, signals: signals).liveScene(on: terminal, alerts: alerts, keys: keys)
    }

    /// The notes read without the lock, as `convene review` reads them.
    func openReader(folder: String) throws -> any Scene {
        let options = options
        return ReaderScene.record(try StoreReview.record(of: folder, options: options), terminal: terminal, keys: keys) { folder in
            try StoreReview.record(of: folder, options: options)
        }
    }

    func create(template name: String, title: String, date: String) throws -> String {
        let template = try options.templates.sessionTemplate(named: name)
        let renderer = try options.templates.notesRenderer()
        let writer = try SessionWriter.create(in: options.location.sessions, setup: template.setup(title: title, date: date),
                                              at: .nowToTheSecond) { writer in
            // The home screen owns the terminal: a notes problem shows at the first change, live.
            _ = SessionNotes(folder: writer.folder, renderer: renderer).problem(bringingUpTo: writer.session)
        }
        defer { writer.close() }
        return writer.folder.name
    }
}
