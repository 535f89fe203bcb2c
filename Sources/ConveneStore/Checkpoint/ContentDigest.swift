import Foundation

/// A 64-bit fingerprint of bytes, to tell whether a journal still begins with what a checkpoint was
/// made from. It guards against accidents (a session copied over, edited elsewhere, synced back),
/// not against someone forging a journal: such a person can as well edit the journal itself. Eight
/// bytes at a time, so a 50 MB journal is checked in a few milliseconds.
enum ContentDigest {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = mix(hash ^ word) &* multiplier
            offset += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(mix(hash ^ last) &* multiplier)
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
