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

    /// A document made whole, written as `stream` writes one run. `lines` is counted only for a
    /// terminal: a pipe takes the text as it is.
    func write(_ text: String, lines: @autoclosure () -> Int, to output: PlainOutput, environment: [String: String]) throws {
        guard pager(for: output, environment: environment) != nil else { return try Output.standardOutput(text) }
        try stream(to: output, environment: environment) { write in _ = try write(text, lines()) }
    }

    /// A document written as it is made, a run of lines at a time: `produce` hands each run (its
    /// text and how many lines it holds) to the function it is given, and stops when that returns
    /// false (the reader quit the pager). To a pipe each run goes out at once; on a terminal the
    /// runs are held until they are taller than it, then the pager starts and reads them as they
    /// come, so the first screen shows before the rest is made. A document that ends shorter is
    /// printed whole. Should the pager turn out not to exist, the document is made again and printed.
    func stream(to output: PlainOutput, environment: [String: String],
                _ produce: (_ write: (_ text: String, _ lines: Int) throws -> Bool) throws -> Void) throws {
        let printed = { (text: String, _: Int) throws -> Bool in
            try Output.standardOutput(text)
            return true
        }
        guard let command = pager(for: output, environment: environment) else { return try produce(printed) }
        var held = ""
        var heldLines = 0
        var paging: Pager.Running?
        var printing = false
        do {
            try produce { text, lines in
                if let paging { return paging.write(text) }
                if printing { return try printed(text, lines) }
                held += text
                heldLines += lines
                guard heldLines > output.height else { return true }
                defer { held = "" }
                guard let started = Pager(command: command, environment: environment).start() else {
                    printing = true
                    return try printed(held, heldLines)
                }
                paging = started
                return started.write(held)
            }
        } catch {
            _ = try? paging?.finish()
            throw error
        }
        guard let paging else { return try Output.standardOutput(held) }
        if try !paging.finish() {
            Output.warn("no pager ‘\(command)’ here (set $PAGER, or use --no-pager); printing directly")
            try produce(printed)
        }
    }

    /// The pager to page through on `output`; nil when the text is to be printed as it is
    /// (`--no-pager`, not a terminal, `$PAGER` empty or `cat`).
    private func pager(for output: PlainOutput, environment: [String: String]) -> String? {
        let pager = environment["PAGER"] ?? "less -R"
        guard !noPager, output.isTerminal, output.height > 0,
              !pager.trimmingCharacters(in: .whitespaces).isEmpty, pager != "cat" else { return nil }
        return pager
    }
}

/// A pager the user chose, run through the shell as git runs it, fed the text on its standard input.
/// It takes the terminal as the editor does (`ChildProgram`): in a process group of its own,
/// `less` was stopped the moment it read the keyboard, and the screen stayed blank.
struct Pager {
    var command: String
    var environment: [String: String]

    /// The pager started, reading what is written to it; nil when it could not be (a program that
    /// did not start is said in a warning).
    func start() -> Running? {
        var environment = environment
        // As git does: quit at once when it fits, keep colours, leave the screen as it was.
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        let (reading, writing) = (ends[0], ends[1])
        _ = fcntl(writing, F_SETFD, FD_CLOEXEC)
        defer { close(reading) }
        do {
            return Running(pid: try ChildProgram.start(["/bin/sh", "-c", command], input: reading, environment: environment),
                           writing: writing)
        } catch {
            close(writing)
            Output.warn("the pager ‘\(command)’ did not start (\(error)); printing directly")
            return nil
        }
    }

    /// A pager reading from a pipe, until `finish`.
    final class Running {
        private let pid: pid_t
        private let writing: Int32
        private let ignored: [(Int32, sighandler_t?)]
        private var finished = false

        fileprivate init(pid: pid_t, writing: Int32) {
            self.pid = pid
            self.writing = writing
            // Quitting the pager early closes the pipe: that is the reader's choice, not an error.
            // Ctrl-C and Ctrl-\ are the pager's while it runs (`less` uses them), as `system()`
            // would have it.
            ignored = [SIGPIPE, SIGINT, SIGQUIT].map { ($0, signal($0, SIG_IGN)) }
        }

        /// Sends `text` to the pager; false once the reader has quit it.
        func write(_ text: String) -> Bool {
            (try? writeAll(text, toDescriptor: writing, name: "the pager")) != nil
        }

        /// Ends the text and waits for the reader to quit the pager. False when the shell found
        /// no such program (127: no `less` on a minimal system): the text has not been shown.
        func finish() throws -> Bool {
            guard !finished else { return true }
            finished = true
            close(writing)
            defer { for (number, previous) in ignored { signal(number, previous) } }
            let status = try ChildProgram.wait(for: pid, name: "the pager")
            return !(status & 0x7f == 0 && (status >> 8) & 0xff == 127)
        }
    }
}
