import ArgumentParser
import ConveneTUI
import Foundation

struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The saved sessions, and new sessions from templates, in the terminal (the default).",
        discussion: "Enter opens a session live; q there comes back here. Press ? for every key."
    )

    @OptionGroup var sessions: SessionsOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("convene needs a terminal for its screens; `convene --help` lists the commands for scripts")
        }
        let signals = TerminationSignals()
        let terminal = NCursesTerminal(useColour: sessions.useColour)
        defer { terminal.close() }
        let stop = { signals.signalled != nil }
        let app = HomeApp(terminal: terminal, backend: StoreHome(options: sessions, shouldStop: stop), today: New.today())
        app.run(shouldStop: stop)
    }
}
