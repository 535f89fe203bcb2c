import ArgumentParser
import ConveneStore
import ConveneTUI
import Foundation

/// Style and colour for a command that prints a document, as git and ls decide them: `--color`,
/// `NO_COLOR` (no-color.org), `CLICOLOR_FORCE`.
struct ColorOption: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(name: .customLong("color"), help: ArgumentHelp("Style and colour: auto (on a terminal), always, never.", valueName: "when"))
    var color: Choice = .auto

    /// Whether to write bold, underline and colour escapes: `--color`, else `CLICOLOR_FORCE` (set
    /// and not 0), else whether standard output is a terminal.
    func styled(_ output: PlainOutput, environment: [String: String]) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
            return output.isTerminal
        }
    }

    /// Colour as well as style, unless `NO_COLOR` is set, which `--color always` overrides.
    func coloured(environment: [String: String]) -> Bool {
        color == .always || (environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }
}

/// Paging a long document as git does: through `$PAGER` (default `less -R`) when standard output
/// is a terminal and the text is taller than it; `--no-pager` prints directly.
struct PagerOption: ParsableArguments {
    @Flag(name: .customLong("no-pager"), help: "Print directly, never through $PAGER.")
    var noPager = false

    /// `lines` is counted only for a terminal: a pipe takes the text as it is.
    func write(_ text: String, lines: @autoclosure () -> Int, to output: PlainOutput, environment: [String: String]) throws {
        let pager = environment["PAGER"] ?? "less -R"
        guard !noPager, output.isTerminal, output.height > 0, lines() > output.height,
              !pager.trimmingCharacters(in: .whitespaces).isEmpty, pager != "cat" else {
            return try Output.standardOutput(text)
        }
        try Pager(command: pager, environment: environment).show(text)
    }
}

/// A pager the user chose, run through the shell as git runs it, fed the text on its standard input.
/// It takes the terminal as the editor does (`ChildProgram`): in a process group of its own,
/// `less` was stopped the moment it read the keyboard, and the screen stayed blank.
struct Pager {
    var command: String
    var environment: [String: String]

    func show(_ text: String) throws {
        var environment = environment
        // As git does: quit at once when it fits, keep colours, leave the screen as it was.
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return try Output.standardOutput(text) }
        let (reading, writing) = (ends[0], ends[1])
        _ = fcntl(writing, F_SETFD, FD_CLOEXEC)
        let pid: pid_t
        do {
            pid = try ChildProgram.start(["/bin/sh", "-c", command], input: reading, environment: environment)
            close(reading)
        } catch {
            close(reading)
            close(writing)
            Output.warn("the pager ‘\(command)’ did not start (\(error)); printing directly")
            return try Output.standardOutput(text)
        }
        // Quitting the pager early closes the pipe: that is the reader's choice, not an error. Ctrl-C
        // and Ctrl-\ are the pager's while it runs (`less` uses them), as `system()` would have it.
        let ignored = [SIGPIPE, SIGINT, SIGQUIT].map { ($0, signal($0, SIG_IGN)) }
        defer { for (number, previous) in ignored { signal(number, previous) } }
        try? writeAll(text, toDescriptor: writing, name: "the pager")
        close(writing)
        let status = try ChildProgram.wait(for: pid, name: "the pager")
        // 127: the shell found no such program (no less on a minimal system). The text must still show.
        if status & 0x7f == 0 && (status >> 8) & 0xff == 127 {
            Output.warn("no pager ‘\(command)’ here (set $PAGER, or use --no-pager); printing directly")
            try Output.standardOutput(text)
        }
    }
}
