import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Starts `command` (found on the PATH) as a shell would, with no signal blocked: test threads
/// block every signal, and a child inherits the mask. Standard input is /dev/null, standard output
/// goes to the file `output`, and standard error to `errors` (nil: with the output). Returns the
/// pid, for the caller to reap: Foundation's `Process` waits for ever on a program that
/// daemonises (tmux's server), and one that never ends (sshd) kept it from reaping the others.
func spawnUnblocked(_ command: [String], output: String, errors: String?) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if let errors {
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY, 0)
    } else {
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, command[0], &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw SpawnError(description: "could not start \(command[0]): \(String(cString: strerror(spawned)))") }
    return pid
}
