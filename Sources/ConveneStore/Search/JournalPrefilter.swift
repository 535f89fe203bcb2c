import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which journals could answer a search, judged from their bytes alone, as `grep` would: for a
/// search of a folder that has no index yet, so that only those sessions are read and indexed
/// while the full index is built in the background.
///
/// A journal passes when every word of the query appears somewhere in its bytes once they are
/// folded as `SearchQuery` folds words (case, and the accents of Latin letters: "Résumé" reads as
/// "resume"). Passing is necessary, not sufficient (a word may appear in an undone change, or
/// inside a longer word): the sessions that pass are then searched properly. A query with a word
/// that is not plain ASCII after folding gets no prefilter (`init` returns nil).
public struct JournalPrefilter: Sendable {
    private let needles: [[UInt8]]

    public init?(_ query: SearchQuery) {
        let words = query.terms.flatMap(\.words)
        guard !words.isEmpty, words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        // The longest first: the rarest, usually, so most journals fail on the first look.
        needles = Set(words).sorted { $0.utf8.count > $1.utf8.count }.map { Array($0.utf8) }
    }

    /// Whether the journal at `path` may hold the query; true when it cannot be read (the proper
    /// search then says what is wrong with it), false when there is none (a folder that is not a
    /// session's). `scratch` is reused from one journal to the next.
    public func mayMatch(journalAt path: String, scratch: inout Scratch) -> Bool {
        switch scratch.read(path) {
        case .read: break
        case .absent: return false
        case .unreadable: return true
        }
        let length = scratch.fold()
        return scratch.folded.withUnsafeBytes { folded in
            let haystack = UnsafeRawBufferPointer(rebasing: folded[..<length])
            return needles.allSatisfy { needle in needle.withUnsafeBytes { Self.contains(haystack, $0) } }
        }
    }

    /// Buffers for reading and folding journals one after another without allocating for each.
    public struct Scratch {
        var raw: [UInt8] = []
        var rawCount = 0
        var folded: [UInt8] = []

        public init() {}

        enum Reading {
            case read, absent, unreadable
        }

        /// Reads the whole file into `raw`. `absent` when nothing is there, or not a file (what
        /// `JournalScan` passes over as no journal).
        mutating func read(_ path: String) -> Reading {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .absent : .unreadable }
            defer { close(fd) }
            var status = stat()
            guard fstat(fd, &status) == 0 else { return .unreadable }
            guard status.st_mode & S_IFMT == S_IFREG else { return .absent }
            let size = Int(status.st_size)
            if raw.count < size + 1 { raw = [UInt8](repeating: 0, count: size + 1) }
            var total = 0
            let complete = raw.withUnsafeMutableBytes { buffer -> Bool in
                // Up to the size seen, or a little past it for a journal growing meanwhile.
                while total < buffer.count {
                    let got = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                    if got == 0 { return true }
                    if got < 0 { if errno == EINTR { continue }; return false }
                    total += got
                }
                return true
            }
            rawCount = total
            return complete ? .read : .unreadable
        }

        /// Folds `raw` into `folded` (see `JournalPrefilter.fold`); the folded length. No character
        /// folds to more bytes than it has, so `folded` is never longer than `raw`.
        mutating func fold() -> Int {
            if folded.count < rawCount { folded = [UInt8](repeating: 0, count: rawCount) }
            let count = rawCount
            return raw.withUnsafeBytes { input in
                folded.withUnsafeMutableBytes { output in JournalPrefilter.fold(UnsafeRawBufferPointer(rebasing: input[..<count]), into: output) }
            }
        }
    }

    /// Whether `needle` occurs in `haystack`: `memchr` finds each place its first byte is, `memcmp`
    /// compares the rest (glibc's `memmem` is not visible to Swift).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return needle.isEmpty }
        var offset = 0
        while offset + needle.count <= haystack.count {
            guard let found = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) else { return false }
            let at = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + at, pattern, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// `data` folded (see `fold(_:into:)`), for tests.
    static func folded(_ data: Data) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: data.count)
        let length = data.withUnsafeBytes { input in output.withUnsafeMutableBytes { fold(input, into: $0) } }
        return Array(output[..<length])
    }

    /// Writes `input` into `output` with ASCII letters in lower case and every other character
    /// either its folded ASCII form ("é" → "e", "ﬁ" → "fi", the Kelvin sign → "k") or a zero byte,
    /// which no word holds; returns the length written.
    static func fold(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        let count = input.count
        var index = 0, written = 0
        while index < count {
            // Sixteen bytes of plain ASCII at a time (most of a journal), in one vector register:
            // folding was most of what the first search of a new archive spent on its journals.
            if index + 16 <= count {
                let words = input.loadUnaligned(fromByteOffset: index, as: SIMD2<UInt64>.self)
                if ByteWords.isASCII(words) {
                    output.storeBytes(of: ByteWords.lowercasedASCII(words), toByteOffset: written, as: SIMD2<UInt64>.self)
                    index += 16
                    written += 16
                    continue
                }
            }
            // Eight at a time up to a character outside ASCII.
            if index + 8 <= count {
                let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if ByteWords.isASCII(word) {
                    output.storeBytes(of: ByteWords.lowercasedASCII(word).littleEndian, toByteOffset: written, as: UInt64.self)
                    index += 8
                    written += 8
                    continue
                }
            }
            let lead = input[index]
            if lead < 0x80 {
                output[written] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                written += 1
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= count else {
                output[written] = 0
                written += 1
                index += 1
                continue
            }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(input[index + offset] & 0x3F) }
            if let ascii = asciiFolding[scalar], ascii.count <= length {
                for byte in ascii {
                    output[written] = byte
                    written += 1
                }
            } else {
                output[written] = 0
                written += 1
            }
            index += length
        }
        return written
    }

    /// Every character outside ASCII that folds to ASCII letters: Latin letters with accents
    /// (U+0080–U+07FF, Latin Extended Additional), letter-like symbols (the Kelvin and Ångström
    /// signs) and the Latin ligatures, folded by the same function the query's words are.
    private static let asciiFolding: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for range in [0x80...0x7FF, 0x1E00...0x1EFF, 0x2100...0x214F, 0xFB00...0xFB4F] as [ClosedRange<UInt32>] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = SearchQuery.fold(String(Character(scalar)))
                let bytes = Array(folded.utf8)
                if !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) { table[value] = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
            }
        }
        // Letters with a stroke have no decomposition, so Foundation keeps them; the index's
        // tokenizer (SQLite's unicode61, removing diacritics) reads them as the plain letter.
        for (letters, plain) in [("øØ", "o"), ("łŁ", "l"), ("đĐ", "d"), ("ħĦ", "h"), ("ŧŦ", "t"), ("ı", "i")] {
            for scalar in letters.unicodeScalars { table[scalar.value] = Array(plain.utf8) }
        }
        return table
    }()
}
