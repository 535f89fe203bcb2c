import ConveneCore
import Foundation

/// A command's result lines on standard output, written while they are still being found: the
/// first screenful as soon as it is there, then in large writes, so a long answer is neither held
/// whole nor written a line at a time. Each line is made safe as `Output.print` makes it
/// (`Output.writtenLine`).
struct LineStream {
    /// Lines written at once when the first of them are ready: a screen's worth.
    static let firstScreen = 50
    /// Bytes gathered before each later write.
    static let writeSize = 64 * 1024

    private var pending = ""
    private var lines = 0

    mutating func add(_ line: String) throws {
        pending += Output.writtenLine(line)
        lines += 1
        if lines == Self.firstScreen || pending.utf8.count >= Self.writeSize { try flush() }
    }

    /// Writes what is gathered; call once the last line is added.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try Output.standardOutput(pending)
        pending = ""
    }
}
