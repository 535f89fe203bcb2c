import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a session live in the terminal.",
        discussion: "Press ? in the session for every key. Every change is saved as it is made; q quits."
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    @Option(name: .customLong("alert-before"), help: ArgumentHelp(
        "Minutes before the end of an item when its clock flashes and the bell rings (again at its end); 0: at the end only. "
            + "Default: the config file's, else 2.",
        valueName: "minutes"))
    var alertBefore: Double?

    @Flag(name: .customLong("no-bell"), help: "Flash the item clock at the alerts without ringing the bell.")
    var noBell = false

    @Flag(name: .long, help: "No alerts at all: no bell, no flash.")
    var quiet = false

    func validate() throws {
        if let alertBefore, !(0...1_440).contains(alertBefore) { throw ValidationError("--alert-before takes 0 to 1440 minutes") }
    }

    /// The alerts as asked for: the options, over the config file's.
    func alerts(configured: OverrunAlerts.Settings) -> OverrunAlerts.Settings {
        guard !quiet else { return .quiet }
        var settings = configured
        if let alertBefore { settings.warnBefore = alertBefore * 60 }
        if noBell { settings.bell = false }
        return settings
    }

    func run() throws {
        let folder = try target.folder(in: sessions)
        let renderer = try sessions.templates.notesRenderer()
        let writer = try SessionWriter.open(folder, author: LoginName.current)
        defer { writer.close() }
        for warning in writer.warnings { Output.warn(warning) }
        try onScreen("convene run", otherwise: "use `convene add` in scripts", options: sessions) { terminal, signals, configuration in
            let alerts = alerts(configured: configuration.alerts)
            let live = StoreBackend(writer: writer, renderer: renderer, signals: signals).liveScene(on: terminal, alerts: alerts, keys: configuration.keys)
            Program(terminal: terminal, root: live).run(shouldStop: signals.shouldStop)
        }
    }
}
