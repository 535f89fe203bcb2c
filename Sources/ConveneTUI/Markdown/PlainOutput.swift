import CNCursesW
import Foundation

/// Where `convene show` writes: how wide it is and whether it is a terminal.
public struct PlainOutput: Sendable {
    public var width: Int
    public var isTerminal: Bool

    /// Rows of the terminal standard output is on; 0 when it is not a terminal.
    public var height: Int = 0

    /// Standard output's width; when it is a pipe inside a terminal (`convene show notes.md | less`),
    /// the width of the terminal standard error is on; else `$COLUMNS`, else 80.
    public static func standardOutput(environment: [String: String]) -> PlainOutput {
        let columns = Int(convene_terminal_columns(STDOUT_FILENO))
        let behindPipe = Int(convene_terminal_columns(STDERR_FILENO))
        let fallback = environment["COLUMNS"].flatMap(Int.init) ?? 80
        let width = columns > 0 ? columns : behindPipe > 0 ? behindPipe : fallback
        return PlainOutput(width: width, isTerminal: isatty(STDOUT_FILENO) == 1, height: Int(convene_terminal_rows(STDOUT_FILENO)))
    }
}
