import CNCursesW
import Foundation

/// Where `convene show` writes: how wide it is and whether it is a terminal.
public struct PlainOutput: Sendable {
    public var width: Int
    public var isTerminal: Bool

    /// Standard output's width, else `$COLUMNS`, else 80.
    public static func standardOutput(environment: [String: String]) -> PlainOutput {
        let columns = Int(convene_terminal_columns(STDOUT_FILENO))
        let fallback = environment["COLUMNS"].flatMap(Int.init) ?? 80
        return PlainOutput(width: columns > 0 ? columns : fallback, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
