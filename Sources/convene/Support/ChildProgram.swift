import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program Convene starts and waits for. It starts with the default action for every signal and
/// none blocked, whatever Convene set for itself, so Ctrl-C, SIGTERM and a hang-up reach it as
/// from a shell.
///
/// One the person uses in Convene's place on this terminal for a while (the editor, the pager)
/// joins Convene's own process group, the terminal's foreground group, so it may read the keyboard
/// and set the terminal's modes: started in a group of its own, as Foundation's `Process` does,
/// `vi` or `less` is stopped the moment it touches the terminal, and the screen stays blank with
/// every key ignored. One that works without the terminal (a converter) gets a group of its own,
/// so that a signal sent to the group reaches everything it started (`HelperProcess`).
enum ChildProgram {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Which process group the program runs in.
    enum Group {
        /// Convene's own: the terminal's foreground group, for a program that reads the keyboard.
        case convenes
        /// One of its own, led by the program.
        case own
    }

    /// Spawns `arguments` (the program found on `PATH`) and returns its wait status once it has ended.
    static func run(_ arguments: [String]) throws -> Int32 {
        try wait(for: start(arguments), name: name(of: arguments))
    }

    /// Spawns `arguments` (the program found on `PATH`), its standard input from `input` and its
    /// output and errors into `output` when given; its process id, for `wait(for:name:)`.
    static func start(_ arguments: [String], input: Int32? = nil, output: Int32? = nil, environment: [String: String]? = nil,
                      group: Group = .convenes) throws -> pid_t {
        guard let program = arguments.first else { throw Failure(description: "no program to start") }
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
        let ownGroup = group == .own ? POSIX_SPAWN_SETPGROUP : 0
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | ownGroup))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input { posix_spawn_file_actions_adddup2(&actions, input, 0) }
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
        }

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = envp.map { posix_spawnp(&pid, program, &actions, &attributes, argv, $0) }
            ?? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "could not start \(name(of: arguments)): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// The program as people call it: "vim", not "/usr/bin/vim".
    static func name(of arguments: [String]) -> String {
        URL(fileURLWithPath: arguments.first ?? "").lastPathComponent
    }

    /// The wait status of `pid`, once it has ended.
    static func wait(for pid: pid_t, name: String) throws -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "lost track of \(name): \(String(cString: strerror(errno)))") }
        }
        return status
    }
}
