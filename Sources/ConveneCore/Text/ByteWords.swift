/// Looks at text eight UTF-8 bytes at a time, for the checks every line shown goes through (is
/// there a control character, is it all printable ASCII): each answers for a whole word of bytes
/// with a few arithmetic steps, the well-known bit tricks for finding a byte in a word.
///
/// The answers are exact about the word as a whole, never about which byte: callers look byte by
/// byte only at a word that may hold what they look for.
public enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which need not be aligned).
    @inline(__always)
    public static func word(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    public static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    public static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool {
        word & highBits == 0
    }

    /// Eight ASCII bytes with A–Z made a–z: a byte is a capital when adding (0x80 - 'A') sets its
    /// high bit and adding (0x80 - 'Z' - 1) does not; that bit, moved to 0x20, lowers it.
    @inline(__always)
    public static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let capitals = (word &+ ones &* UInt64(0x80 - 0x41)) & ~(word &+ ones &* UInt64(0x80 - 0x5B)) & highBits
        return word | (capitals >> 2)
    }

    /// Sixteen ASCII bytes (two words in one vector register) with A–Z made a–z, by the same
    /// arithmetic as `lowercasedASCII(_:)` on both lanes at once. Only additions, masks and shifts:
    /// a comparison of SIMD vectors compiles to a loop over their lanes.
    @inline(__always)
    public static func lowercasedASCII(_ words: SIMD2<UInt64>) -> SIMD2<UInt64> {
        let ones = SIMD2(repeating: ones)
        let capitals = (words &+ ones &* UInt64(0x80 - 0x41)) & ~(words &+ ones &* UInt64(0x80 - 0x5B)) & SIMD2(repeating: highBits)
        return words | (capitals &>> 2)
    }

    /// Whether all sixteen bytes are ASCII.
    @inline(__always)
    public static func isASCII(_ words: SIMD2<UInt64>) -> Bool {
        isASCII(words[0] | words[1])
    }

    /// Whether all eight bytes are printable ASCII (0x20 to 0x7E).
    @inline(__always)
    public static func isPrintableASCII(_ word: UInt64) -> Bool {
        word & highBits == 0 && !hasByte(below: 0x20, in: word) && !hasByte(0x7F, in: word)
    }
}
