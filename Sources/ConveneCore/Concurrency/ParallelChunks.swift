import Foundation
import Synchronization

/// Work over a range of independent indices, cut into contiguous chunks done on every core, with
/// the chunks' results put back in order: decoding journal lines, converting and laying out the
/// blocks of a long document.
public enum ParallelChunks {
    /// The cores used (at most four: past that the chunks are too small to pay for themselves).
    public static let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    /// `body` applied to `chunks` contiguous parts of `range` at once; their results joined in
    /// order. A range too small to split (under `minimumChunk` per part) is done on this thread.
    public static func map<Result: Sendable>(_ range: Range<Int>, chunks: Int = workers, minimumChunk: Int = 1,
                                             _ body: @Sendable (Range<Int>) -> [Result]) -> [Result] {
        let count = min(chunks, range.count / max(1, minimumChunk))
        guard count > 1 else { return body(range) }
        let size = (range.count + count - 1) / count
        let done = Mutex<[Int: [Result]]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { chunk in
            let first = range.lowerBound + chunk * size
            let last = min(first + size, range.upperBound)
            guard first < last else { return }
            let results = body(first..<last)
            done.withLock { $0[chunk] = results }
        }
        return done.withLock { finished in (0..<count).flatMap { finished[$0] ?? [] } }
    }
}
