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
}
