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
