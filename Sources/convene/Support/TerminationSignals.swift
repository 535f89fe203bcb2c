import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the live loop checks, so it ends normally and the
/// terminal is restored; everything accepted is already on disk by then.
final class TerminationSignals {
    /// The last signal received, shared with the handlers on Dispatch's queue.
    private final class Received: Sendable {
        let number = Atomic<Int32>(0)
    }

    private let received = Received()
    private let sources: [any DispatchSourceSignal]

    init() {
        let received = self.received
        sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.number.store(number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    var signalled: Int32? {
        let number = received.number.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether a signal asks the program to stop: what the screens' loops check.
    var shouldStop: () -> Bool {
        { [received] in received.number.load(ordering: .relaxed) != 0 }
    }

    /// Runs `body` (a program in the foreground, such as the user's editor) during which Ctrl-C and
    /// Ctrl-\ are meant for that program, not for Convene: as `system()` does, Convene ignores
    /// SIGINT and SIGQUIT meanwhile and then puts back what handled them. A hang-up or SIGTERM still
    /// ends the session.
    func sparingInterrupts<Result>(_ body: () throws -> Result) rethrows -> Result {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previous = [sigaction(), sigaction()]
        sigaction(SIGINT, &ignore, &previous[0])
        sigaction(SIGQUIT, &ignore, &previous[1])
        defer {
            sigaction(SIGINT, &previous[0], nil)
            sigaction(SIGQUIT, &previous[1], nil)
        }
        return try body()
    }
}
