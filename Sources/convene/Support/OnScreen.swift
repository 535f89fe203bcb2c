import ArgumentParser
import ConveneTUI
import Foundation

/// Runs `body` on the terminal, taken over by ncurses and given back however `body` ends, with
/// SIGINT, SIGTERM and SIGHUP turned into the `signals` it is given (`signals.shouldStop`).
/// - Parameter otherwise: what to use instead when there is no terminal (e.g. in a script).
func onScreen(_ command: String, otherwise: String, options: SessionsOptions,
              _ body: (_ terminal: NCursesTerminal, _ signals: TerminationSignals) throws -> Void) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        throw ValidationError("\(command) needs a terminal; \(otherwise)")
    }
    let signals = TerminationSignals()
    let terminal = NCursesTerminal(useColour: options.useColour)
    defer { terminal.close() }
    try body(terminal, signals)
}
