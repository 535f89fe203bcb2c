import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a session live in the terminal.",
        discussion: """
            Press ? in the session for every key. Every change is saved as it is made; q quits.

            Several people can be in one session: the first `convene run` hosts it, and each later one (in another \
            terminal, or logged in over SSH) joins it. The first is its facilitator; later ones take notes unless \
            --role says otherwise. `convene access` prints the lines that let a person in over SSH.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Your name in the session, shown to the others and kept in the journal as who typed each change (never in the notes). "
            + "Default: your login name.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp(
        "facilitator (agenda, clock, the Rule, and notes), note-taker (captures everything), participant (proposes, rates, votes) "
            + "or viewer (reads). Default: facilitator for the first screen in the session, note-taker for later ones.",
        valueName: "role"))
    var role: LiveRole?

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
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 64 || name.contains(where: \.isNewline) {
            throw ValidationError("--as takes a name of 1 to 64 characters on one line")
        }
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
        let wakeup = Wakeup()
        let seat = try StoreBackend.seat(in: folder, as: name?.trimmingCharacters(in: .whitespaces), role: role, wakeup: wakeup)
        defer { seat.close() }
        for warning in seat.warnings { Output.warn(warning) }
        try onScreen("convene run", otherwise: "use `convene add` in scripts", options: sessions) { terminal, signals, configuration in
            terminal.wakeup = wakeup
            let alerts = alerts(configured: configuration.alerts)
            let live = StoreBackend(seat: seat, renderer: renderer, signals: signals).liveScene(on: terminal, alerts: alerts, keys: configuration.keys)
            Program(terminal: terminal, root: live).run(shouldStop: signals.shouldStop)
        }
        // Let go first, so the sync finds the session closed and sends what was typed.
        seat.close()
        AutoSync.start(.sessionClosed, options: sessions)
    }
}
