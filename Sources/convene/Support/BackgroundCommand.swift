import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Convene's own hidden commands started to finish work after the command a person ran has
/// answered (the notes of a long session, the index of a new archive).
enum BackgroundCommand {
    /// Starts `convene SUBCOMMAND [--dir DIR] ARGUMENTS` detached: its own process group (so Ctrl-C
    /// at the terminal does not reach it) and no terminal for its input or output. False when it
    /// could not be started.
    static func start(_ subcommand: String, options: SessionsOptions, arguments: [String]) -> Bool {
        var argv = [CommandLine.arguments.first ?? "convene", subcommand]
        if let dir = options.dir { argv += ["--dir", dir] }
        argv += arguments
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        return posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, cArguments, environ) == 0
    }
}
