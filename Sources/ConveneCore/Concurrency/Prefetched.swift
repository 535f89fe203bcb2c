import Dispatch
import Synchronization

/// A value worked out on another thread from the moment this is made, and waited for only when
/// it is read: for work that does not depend on what the caller does meanwhile (listing the
/// archive's journals while the index opens).
public final class Prefetched<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    /// `behind`: work nobody waits for yet (the rest of a document below the first screen, a
    /// session loading behind notes already shown), run below the thread drawing that screen:
    /// on Linux a user-initiated thread runs at a higher priority than the main one.
    public init(behind: Bool = false, _ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: behind ? .utility : .userInitiated).async { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// A value already at hand, for a reader that takes either kind.
    public init(ready value: Value) {
        result.withLock { $0 = value }
        finished.signal()
    }

    /// The value if the work is done, without waiting for it.
    public var ready: Value? { result.withLock { $0 } }

    /// The value, once the work is done. Safe to read more than once and from any thread.
    public var value: Value {
        while true {
            if let value = result.withLock({ $0 }) { return value }
            finished.wait()
            // Let the next reader through too.
            finished.signal()
        }
    }
}
