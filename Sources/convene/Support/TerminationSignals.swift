import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the live loop checks, so it ends normally and the
/// terminal is restored; everything accepted is already on disk by then.
final class TerminationSignals {
    /// The last signal received, shared with the handlers on Dispatch's queue; and until when (on
    /// the monotonic clock, in nanoseconds) an interrupt is meant for another program.
    private final class Received: Sendable {
        let number = Atomic<Int32>(0)
        let sparingUntil = Atomic<Int64>(0)

        func take(_ signal: Int32) {
            // Dispatch runs this a little after the signal came: an interrupt sent while the editor
            // ran may arrive only after it has returned, hence a deadline rather than a flag.
            if signal == SIGINT && Received.now() < sparingUntil.load(ordering: .relaxed) { return }
            number.store(signal, ordering: .relaxed)
        }

        static func now() -> Int64 {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        }
    }

    private let received = Received()
    private let sources: [any DispatchSourceSignal]

    init() {
        let received = self.received
        sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.take(number) }
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
    /// SIGINT and SIGQUIT meanwhile and then puts back what handled them; and an interrupt that
    /// Dispatch reports up to half a second after the program ends is not taken as one for Convene.
    /// A hang-up or SIGTERM still ends the session.
    func sparingInterrupts<Result>(_ body: () throws -> Result) rethrows -> Result {
        received.sparingUntil.store(.max, ordering: .relaxed)
        defer { received.sparingUntil.store(Received.now() + 500_000_000, ordering: .relaxed) }
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
