import ArgumentParser
import ConveneTUI
import Foundation

struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "The saved sessions, and new sessions from templates, in the terminal (the default).",
        discussion: "Enter opens a session live; q there comes back here. Press ? for every key."
    )

    @OptionGroup var sessions: SessionsOptions

    func run() throws {
        try onScreen("convene", otherwise: "`convene --help` lists the commands for scripts", options: sessions) { terminal, signals, configuration in
            let backend = StoreHome(options: sessions, signals: signals, terminal: terminal, alerts: configuration.alerts, keys: configuration.keys)
            let home = HomeScene(backend: backend, today: New.today(), defaultTemplate: configuration.template, keys: configuration.keys)
            Program(terminal: terminal, root: home).run(shouldStop: signals.shouldStop)
        }
    }
}
