import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program Convene starts and waits for without the terminal (pandoc, and the PDF engine pandoc
/// starts in turn), ended with Convene: a Ctrl-C, SIGTERM or hang-up while it runs is passed on to
/// its whole process group, and once it has ended the caller hears of the signal as `Interrupted`,
/// so its temporary files are removed before Convene ends as the signal asked. Without this the
/// converter ran on as an orphan, and the notes it was given stayed in `$TMPDIR`.
enum HelperProcess {
    /// Convene was asked to stop while a helper ran: thrown once the helper has ended; `main` ends
    /// the program with this signal after the callers' clean-up has run.
    struct Interrupted: Error, CustomStringConvertible {
        var signal: Int32
        var description: String { "stopped by signal \(signal)" }
    }

    /// Runs `program` with `arguments` in a process group of its own, nothing on its standard
    /// input and its output (and errors) into `output`; returns its exit status (128 + the signal
    /// that ended it, as shells say).
    static func run(_ program: String, _ arguments: [String], environment: [String: String], output: Int32) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        // Its own group, so the signal it is sent reaches what it started too; and the signals
        // Convene ignores meanwhile are not ignored in it.
        // None blocked either: a mask inherited from whatever started Convene would keep the
        // SIGTERM it is sent pending for ever.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in forwarded { sigaddset(&defaults, number) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)

        let forwarding = Forwarding()
        defer { forwarding.stop() }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw CommandFailure("could not start \(program): \(String(cString: strerror(spawned)))") }
        forwarding.target(group: pid)

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw CommandFailure("lost track of \(program): \(String(cString: strerror(errno)))") }
        }
        if let signal = forwarding.received { throw Interrupted(signal: signal) }
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }

    static let forwarded = [SIGINT, SIGTERM, SIGHUP]

    /// While a helper runs, the signals that would end Convene are taken by Dispatch instead and
    /// passed on to the helper's group as SIGTERM.
    private final class Forwarding: @unchecked Sendable {
        private let lock = NSLock()
        private var group: pid_t = 0
        private var signal: Int32?
        private var sources: [any DispatchSourceSignal] = []
        private var previous: [Int32: sig_t?] = [:]

        init() {
            for number in HelperProcess.forwarded {
                previous[number] = Glibc.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [weak self] in self?.take(number) }
                source.resume()
                sources.append(source)
            }
        }

        func target(group: pid_t) {
            lock.withLock {
                self.group = group
                if signal != nil { kill(-group, SIGTERM) }
            }
        }

        private func take(_ number: Int32) {
            lock.withLock {
                signal = signal ?? number
                if group > 0 { kill(-group, SIGTERM) }
            }
        }

        var received: Int32? { lock.withLock { signal } }

        func stop() {
            sources.forEach { $0.cancel() }
            for (number, handler) in previous { Glibc.signal(number, handler ?? SIG_DFL) }
        }
    }
}
