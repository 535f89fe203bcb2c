#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the text holds a line feed: looked for with `memchr` on its bytes in place, as every
    /// paragraph laid out and every value escaped asks.
    public var containsLineFeed: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0x0A, bytes.count) != nil
        } ?? utf8.contains(0x0A)
    }
}

extension StringProtocol {
    /// The text with its line breaks (any of Unicode's: a run of them, or one at either end) made
    /// one space, as an excerpt or a list row shows a paragraph on a line. Most texts have none,
    /// which their bytes tell without splitting them into characters (a search printing 50,000
    /// excerpts spent a third of its time doing that).
    public var onOneLine: String {
        guard holdsLineBreak else { return String(self) }
        return split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Whether the text holds a line break: LF, VT, FF, CR, U+0085 or U+2028/U+2029, found in
    /// its UTF-8 bytes in place.
    private var holdsLineBreak: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable(lineBreakIn) { return answer }
        var copy = String(self)
        return copy.withUTF8(lineBreakIn)
    }
}

/// Whether `bytes` hold a line break (see `holdsLineBreak`). Not generic, so that searching a
/// short text costs a loop over bytes rather than calls through a collection's witnesses.
func lineBreakIn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
        if byte >= 0x0A && byte <= 0x0D { return true }
        if previous.1 == 0xC2 && byte == 0x85 { return true }
        if previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9) { return true }
        previous = (previous.1, byte)
    }
    return false
}
