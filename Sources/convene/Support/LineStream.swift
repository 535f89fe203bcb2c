import ConveneCore
import Foundation

/// A command's result lines on standard output, written while they are still being found: the
/// first screenful as soon as it is there, then in large writes, so a long answer is neither held
/// whole nor written a line at a time. Lines are gathered as bytes, each made safe by whoever
/// adds it, as `Output.print` makes lines safe (`Output.writtenLine`).
struct LineStream {
    /// Lines written at once when the first of them are ready: a screen's worth.
    static let firstScreen = 50
    /// Bytes gathered before each later write.
    static let writeSize = 64 * 1024

    private var pending: [UInt8] = []
    private var lines = 0

    /// Adds `line`, made safe and ended.
    mutating func add(_ line: ArraySlice<UInt8>) throws {
        pending += line
        lines += 1
        if lines == Self.firstScreen || pending.count >= Self.writeSize { try flush() }
    }

    /// Writes what is gathered; call once the last line is added.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try Output.standardOutput(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
