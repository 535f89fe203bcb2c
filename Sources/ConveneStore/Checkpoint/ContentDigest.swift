import Foundation

/// A 64-bit fingerprint of bytes, to tell whether a journal still begins with what a checkpoint was
/// made from. It guards against accidents (a session copied over, edited elsewhere, synced back),
/// not against someone forging a journal: such a person can as well edit the journal itself.
///
/// Eight bytes at a time in four lanes, word 0 to the first, word 1 to the second and so on, joined
/// at the end in order. One lane's multiplications wait on each other; four let the processor run
/// them side by side. Every `convene add` on a 10,000-point session checks 3.8 MB this way (its
/// journal and its checkpoint): with one lane that was 8% of its time.
enum ContentDigest {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var digest = Running(count: bytes.count)
        digest.add(bytes)
        return digest.value
    }

    /// The digest of `count` bytes given a piece at a time, so that a long file is digested
    /// without being held whole: the same value `of` gives for all of them at once. Every piece
    /// but the last must be a multiple of 32 bytes long (the four lanes' stride).
    struct Running {
        private var first: UInt64
        private var second: UInt64 = 0x8422_2325_CBF2_9CE4
        private var third: UInt64 = 0x7F4A_7C15_9E37_79B9
        private var fourth: UInt64 = 0x9E37_79B9_7F4A_7C15
        /// The word of the bytes after the last whole one, once the last piece is in.
        private var last: UInt64 = 0
        private let count: Int
        private(set) var added = 0

        init(count: Int) {
            self.count = count
            first = 0xCBF2_9CE4_8422_2325 ^ UInt64(count)
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            precondition(added % 32 == 0 && added + bytes.count <= count, "a piece after one that was not a multiple of 32 bytes, or past the end")
            added += bytes.count
            let count = bytes.count
            func word(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            var offset = 0
            while offset + 32 <= count {
                first = ContentDigest.step(first, word(offset))
                second = ContentDigest.step(second, word(offset + 8))
                third = ContentDigest.step(third, word(offset + 16))
                fourth = ContentDigest.step(fourth, word(offset + 24))
                offset += 32
            }
            guard offset < count else { return }
            while offset + 8 <= count {
                first = ContentDigest.step(first, word(offset))
                offset += 8
            }
            var shift: UInt64 = 0
            while offset < count {
                last |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
        }

        /// The digest, once all `count` bytes are in.
        var value: UInt64 {
            precondition(added == count, "the digest of \(count) bytes asked for after \(added)")
            let joined = [second, third, fourth].reduce(ContentDigest.step(first, last), ContentDigest.step)
            return ContentDigest.mix(joined)
        }
    }

    private static func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        mix(hash ^ word) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Spreads every input bit over the word (the finaliser of MurmurHash3).
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
