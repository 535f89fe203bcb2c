import ArgumentParser
import ConveneTUI
import Foundation

/// Runs `body` on the terminal, taken over by ncurses and given back however `body` ends, with
/// SIGINT, SIGTERM and SIGHUP turned into the `signals` it is given (`signals.shouldStop`). Ended by
/// one of them, the command exits as the shell expects of a program a signal stopped: 128 plus
/// its number (130 after Ctrl-C, 143 after SIGTERM), once the terminal is back.
/// The config file is read once, here, and handed to `body`.
/// - Parameter otherwise: what to use instead when there is no terminal (e.g. in a script).
func onScreen(_ command: String, otherwise: String, options: SessionsOptions,
              _ body: (_ terminal: NCursesTerminal, _ signals: TerminationSignals, _ configuration: Configuration) throws -> Void) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        throw CommandFailure("\(command) needs a terminal; \(otherwise)")
    }
    // The config file's mistakes are said before the screen is taken, where they can be read.
    let configuration = try options.configuration()
    let signals = TerminationSignals()
    do {
        let terminal = NCursesTerminal(useColour: options.useColour(configuration), palette: configuration.palette)
        defer { terminal.close() }
        try body(terminal, signals, configuration)
    }
    if let signal = signals.signalled { throw ExitCode(128 + signal) }
}
