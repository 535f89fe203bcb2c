import Foundation

/// The program's environment, read once. Foundation makes a new dictionary of it on every
/// `ProcessInfo.processInfo.environment`, a third of a millisecond each, and a command asks
/// several times (where the sessions are, the templates, colour, the pager). Convene never
/// changes its own environment, so the first reading holds for the whole run.
enum ProcessEnvironment {
    static let current = ProcessInfo.processInfo.environment
}
