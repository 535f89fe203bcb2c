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
        let nothing = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard nothing >= 0 else { throw CommandFailure("could not open /dev/null: \(String(cString: strerror(errno)))") }
        defer { close(nothing) }
        let forwarding = Forwarding()
        defer { forwarding.stop() }
        // Its own group, so the signal it is sent reaches what it started too.
        let pid = try ChildProgram.start([program] + arguments, input: nothing, output: output, environment: environment, group: .own)
        forwarding.target(group: pid)
        let status = try ChildProgram.wait(for: pid, name: ChildProgram.name(of: [program]))
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
