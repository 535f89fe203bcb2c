import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `convene` in a real terminal: a tmux session of its own (private server socket), driven
/// with send-keys and read with capture-pane. Waits for screen text; never sleeps as an assertion.
final class Tmux {
    /// The server's socket, in the tests' temporary folder (not tmux's shared one), removed with the server.
    let socket = FileManager.default.temporaryDirectory.appendingPathComponent("convene-test-\(UUID().uuidString.prefix(8)).sock").path
    let name = "live"

    /// - Parameter unset: variables of the test runner's own environment to keep from the program.
    init(width: Int = 100, height: Int = 30, command: [String], environment: [String: String], unset: [String] = []) throws {
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let removals = unset.map { "-u \($0) " }.joined()
        let line = "env \(removals)\(exports) " + command.map(Self.quote).joined(separator: " ")
        // The pane must outlive a command that exits at once (`show`): keep it open before the
        // command starts, by starting a placeholder, setting the option, then swapping the command in.
        try tmux(["new-session", "-d", "-x", String(width), "-y", String(height), "-s", name, "sleep 600"])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        try tmux(["respawn-pane", "-k", "-t", name, line])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        unlink(socket)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command and returns what it printed. Spawned and reaped directly: the server that
    /// `new-session` starts daemonises, which leaves Foundation's `Process` waiting for ever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let pid: pid_t
        do {
            pid = try spawnUnblocked(["tmux", "-S", socket] + arguments, output: outputPath, errors: "/dev/null")
        } catch {
            throw TmuxError(message: "\(error)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    struct TmuxError: Error {
        var message: String
    }

    /// Keys as tmux names them ("Enter", "Tab", "C-j", "Escape") or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        // "--" ends the options, so text that starts with "-" (a Markdown list item) is typed, not read as a flag.
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + ["--"] + keys)
    }

    func type(_ text: String) throws { try send(text, literal: true) }

    /// Presses `keys`, then waits until the screen shows `text`: the step every end-to-end test is
    /// made of. Returns the screen.
    @discardableResult
    func press(_ keys: String..., until text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try tmux(["send-keys", "-t", name, "--"] + keys)
        return try waitFor(text, seconds: seconds, sourceLocation: sourceLocation)
    }

    /// Types `text` as it is, then waits until the screen shows `shown`. Returns the screen.
    @discardableResult
    func type(_ text: String, until shown: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try type(text)
        return try waitFor(shown, seconds: seconds, sourceLocation: sourceLocation)
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The screen with all that scrolled off above it.
    func scrollback() throws -> String { try tmux(["capture-pane", "-p", "-S", "-", "-t", name]) }

    /// Waits up to `seconds` for `text` to be on screen; returns the screen, once drawn whole
    /// (`settled`), or records what it showed.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var shown = ""
        while Date() < deadline {
            shown = try screen()
            if shown.contains(text) { return try settled(shown, holding: text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("waited \(seconds)s for “\(text)”; the screen showed:\n\(shown)", sourceLocation: sourceLocation)
        return shown
    }

    /// The screen `first` became once the program finished drawing it: a capture can land between
    /// two parts of one frame's output (a panel drawn, the list beside it not yet), so the pane is
    /// captured again until two captures in a row agree, a few times at most. Should `text` leave
    /// the screen meanwhile (a passing message), the last screen that held it.
    private func settled(_ first: String, holding text: String) throws -> String {
        var last = first
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.02)
            let next = try screen()
            guard next.contains(text) else { return last }
            if next == last { return next }
            last = next
        }
        return last
    }

    /// A tmux format for the pane, such as `#{pane_title}` or `#{alternate_on}`, without its newline.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the program in the pane.
    func pid() throws -> Int32? { Int32(try display("#{pane_pid}")) }

    /// Whether the program in the pane has exited.
    func exited() throws -> Bool { try display("#{pane_dead}") == "1" }

    func waitForExit(seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try exited() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("convene did not exit within \(seconds)s", sourceLocation: sourceLocation)
    }

    /// Enter saves what is being typed in the live screen; once it says so, q quits.
    func saveAndQuit(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try send("Enter")
        try waitFor("✓ Saved", sourceLocation: sourceLocation)
        try send("q")
        try waitForExit(sourceLocation: sourceLocation)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// `convene ARGUMENTS` in a terminal of its own, on `convene`'s folders, in a UTF-8 locale unless
    /// `environment` says otherwise.
    /// - Parameter reportingExit: run convene from a shell that then prints "exit status N" (a
    ///   shell's view of how it ended, which tmux's own pane status does not always give). The
    ///   shell outlives a Ctrl-C (`trap : INT`, which its child does not inherit).
    static func convene(_ arguments: [String], for convene: ConveneProcess, environment: [String: String] = [:],
                        sessionsFolder: Bool = true, reportingExit: Bool = false) throws -> Tmux {
        var base = ["HOME": convene.home.path, "TERM": "screen", "LANG": "C.UTF-8"]
        if sessionsFolder { base["CONVENE_HOME"] = convene.sessions.path }
        // The test runner sets NO_COLOR for itself; a person's terminal usually does not.
        let command = [ConveneProcess.binary.path] + arguments
        let wrapped = reportingExit ? ["sh", "-c", #"trap : INT; "$0" "$@"; echo "exit status $?"; sleep 600"#] + command : command
        return try Tmux(command: wrapped, environment: base.merging(environment) { $1 },
                        unset: environment["NO_COLOR"] == nil ? ["NO_COLOR"] : [])
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
}
