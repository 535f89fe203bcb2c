#if canImport(Glibc)
import Glibc
#endif

/// Where a long Markdown text may be cut into parts that cmark can parse one by one, each part
/// giving the blocks it gives inside the whole: so that one part is converted and laid out while
/// the next is parsed (cmark's parses take turns, see the C shim).
///
/// A part ends just before a heading written at the start of a line after a blank line, `# …`
/// to `###### …`. Such a line starts a heading of the whole document unless a code block or an
/// HTML block left open above swallows it: lists, quotes, paragraphs and tables all end there.
/// The cut cannot see that from the text alone, so whoever parses the parts checks each part's
/// last block (`MarkdownDocument` re-parses a part that ends in code or HTML together with the
/// next). A text with link reference or footnote definitions (`[…]: …`), which reach across the
/// whole document, is never cut.
enum MarkdownSections {
    /// The parts of `bytes`, as ranges that follow each other and cover it whole, each of at
    /// least `size` bytes but the last; one range when it cannot or need not be cut.
    static func parts(of bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
        let whole = [0..<bytes.count]
        guard bytes.count / 2 >= size, !containsDefinition(bytes) else { return whole }
        var parts: [Range<Int>] = []
        var partStart = 0
        var lineStart = 0
        var previousLineIsBlank = false
        while lineStart < bytes.count {
            let lineEnd = endOfLine(from: lineStart, in: bytes)
            if previousLineIsBlank, lineStart - partStart >= size, bytes.count - lineStart >= size,
               startsHeading(at: lineStart, end: lineEnd, in: bytes) {
                parts.append(partStart..<lineStart)
                partStart = lineStart
            }
            previousLineIsBlank = isBlank(lineStart..<lineEnd, in: bytes)
            lineStart = lineEnd + 1
        }
        parts.append(partStart..<bytes.count)
        return parts
    }

    /// Where the line starting at `start` ends: at its line feed, or at the end of the text.
    private static func endOfLine(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        find(UInt8(ascii: "\n"), from: start, in: bytes) ?? bytes.count
    }

    /// The first `byte` at or after `start` (memchr: a long record is read through once before
    /// its first part is parsed).
    private static func find(_ byte: UInt8, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func isBlank(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") || bytes[$0] == UInt8(ascii: "\r") }
    }

    /// An ATX heading at the very start of the line: one to six `#`, then a blank or the line's end.
    private static func startsHeading(at start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        guard (1...6).contains(level) else { return false }
        return index == end || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
    }

    /// Whether `]:` occurs anywhere: every link reference and footnote definition holds it, so a
    /// text without it has none (a text with it is simply not cut, whatever the `]:` was).
    private static func containsDefinition(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 1
        while let colon = find(UInt8(ascii: ":"), from: from, in: bytes) {
            if bytes[colon - 1] == UInt8(ascii: "]") { return true }
            from = colon + 1
        }
        return false
    }
}
