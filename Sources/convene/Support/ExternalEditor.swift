import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, given the text in a scratch file.
struct ExternalEditor {
    var command: [String]

    init(environment: [String: String]) {
        let configured = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // "code --wait" and the like: the first word is the program, the rest its options.
        command = configured.split(separator: " ").map(String.init)
        if command.isEmpty { command = ["vi"] }
    }

    /// The editor as people call it: "vim", not "/usr/bin/vim".
    var name: String { URL(fileURLWithPath: command.first ?? "vi").lastPathComponent }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the editor on this terminal, waits for it, and returns the file's text.
    ///
    /// The editor joins Convene's own process group, which is the terminal's foreground group, so it
    /// may read the keyboard and set the terminal's modes (started in a group of its own, as
    /// Foundation's `Process` does, vi is stopped the moment it touches the terminal). It starts with
    /// the default action for every signal and none blocked, whatever Convene set for itself: Ctrl-C
    /// and a hang-up reach it as they would from a shell.
    func edit(_ text: String) throws -> String {
        let scratch = try ScratchFile(text: text)
        defer { scratch.remove() }
        let status = try run(command + [scratch.url.path])
        let low = status & 0x7F
        if low == 0 {
            let code = (status >> 8) & 0xFF
            guard code == 0 else { throw Failure(description: "\(name) exited with status \(code); the text is as it was") }
            return try scratch.read()
        }
        throw Failure(description: "\(name) was stopped by signal \(low); the text is as it was")
    }

    /// Spawns `arguments` (found on `PATH`) and returns its wait status.
    private func run(_ arguments: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], nil, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "could not start \(name): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "lost track of \(name): \(String(cString: strerror(errno)))") }
        }
        return status
    }
}
