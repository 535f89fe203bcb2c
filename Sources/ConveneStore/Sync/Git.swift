import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The user's own `git`, run in the sessions folder with their configuration, credentials and
/// SSH keys: Convene shares an archive through the engine its users already run and trust, and
/// never through a protocol of its own.
struct Git: Sendable {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errors: String
        var succeeded: Bool { status == 0 }
    }

    let folder: URL
    /// Added to the inherited environment (a merge's notices file; no prompts in the background).
    var environment: [String: String] = [:]

    /// Runs `git -C folder arguments…` and waits for it. Started with `posix_spawnp` and read with
    /// `poll`: Foundation's `Process` waits for a child by polling a run loop, which made each of a
    /// sync's dozen git commands cost a tenth of a second.
    func run(_ arguments: [String]) throws(SyncError) -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(self.environment) { $1 }
        // Messages are read to tell a refused push from a lost network: in git's own words.
        environment["LC_ALL"] = "C"
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw .gitMissing(reason: String(cString: strerror(errno))) }
        guard pipe(&errors) == 0 else {
            close(output[0]); close(output[1])
            throw .gitMissing(reason: String(cString: strerror(errno)))
        }
        // Not inherited by anything else started meanwhile (the pipes' ends are set up for git alone).
        for fd in output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let words = ["git", "-C", folder.path] + arguments
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, envp)
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(output[0]); close(errors[0])
            throw .gitMissing(reason: String(cString: strerror(spawned)))
        }
        let (out, err) = Self.drain(output[0], errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Ended by a signal: 128 + the signal, as shells say.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// Reads both pipes to their ends at once, so a long listing on one cannot stall git on the other.
    private static func drain(_ first: Int32, _ second: Int32) -> (Data, Data) {
        var collected = [Data(), Data()]
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while fds.contains(where: { $0.fd >= 0 }) {
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 || errno == EINTR else { break }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    collected[index].append(contentsOf: buffer[..<count])
                } else if count == 0 || errno != EINTR {
                    close(fds[index].fd)
                    fds[index].fd = -1
                }
            }
        }
        return (collected[0], collected[1])
    }

    /// Runs git and returns what it printed, or throws what it said when it failed.
    @discardableResult
    func check(_ arguments: [String]) throws(SyncError) -> String {
        let result = try run(arguments)
        guard result.succeeded else { throw .gitFailed(command: "git " + arguments.joined(separator: " "), message: result.errors) }
        return result.output
    }

    /// The lines git printed, NUL-separated as `-z` writes them.
    static func fields(_ output: String) -> [String] {
        output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
    }
}
