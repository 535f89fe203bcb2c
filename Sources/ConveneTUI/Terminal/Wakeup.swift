#if canImport(Glibc)
import Glibc
#endif

/// Wakes a program waiting for a key: another thread (a shared session's connection) says that
/// something changed, and the screen redraws at once instead of at its next tick. A pipe, so the
/// terminal can wait on the keyboard and on it together.
public final class Wakeup: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    public init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Wakes the program (from any thread); wakes that come together are one.
    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Takes every wake waiting.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}
