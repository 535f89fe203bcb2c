import Foundation
import Synchronization

/// The ordinary English words, from the system's word lists (Debian's `wbritish` and `wamerican`):
/// a surname such as Little or Keen is also a word and counts only with a cue, while Hatchett or
/// Nesta is not and counts wherever it is written as a name.
///
/// Only entries written in lower case are kept: the lists also hold proper nouns (Nigel, Pollock),
/// which are exactly the names the check must not mistake for ordinary words.
///
/// The lists are mapped and looked up as bytes, never made into a hundred thousand strings: each
/// kept line is remembered by a hash of its bytes and where it starts, and a word is found by its
/// own hash and then compared byte for byte. Turning every line into a `String` in a `Set` was
/// most of the time of `convene check` and `convene export` on any session, however short.
///
/// The hashes are worked out at the first look-up, not when the list is made: most texts hold
/// no name that is also a word, so most checks never ask.
public struct WordList: Sendable {
    /// Where Debian's packages put the lists.
    public static let systemPaths = ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]

    /// Each list's bytes, one entry a line.
    private let lists: [Data]
    /// A kept line's hash → which list and where in it the line starts, and its length. Two lines
    /// of the same 64-bit hash would keep the first only: the other would then count as no word,
    /// which errs towards flagging a name (more to review), never towards missing one.
    private let lines: KeptLines
    /// The lists that were read; empty when none was found.
    public let sources: [String]

    private struct LinePlace: Sendable {
        let list: Int32
        let start: Int32
        let count: Int32
    }

    public init(words: some Sequence<String>) {
        self.init(lists: [Data(words.map { $0.lowercased() + "\n" }.joined().utf8)], sources: [])
    }

    /// Reads the lists at `paths` that exist; the others are skipped (see `isEmpty`).
    public init(paths: [String]) {
        var lists: [Data] = []
        var sources: [String] = []
        for path in paths {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { continue }
            lists.append(data)
            sources.append(path)
        }
        self.init(lists: lists, sources: sources)
    }

    private init(lists: [Data], sources: [String]) {
        self.lists = lists
        self.sources = sources
        lines = KeptLines(lists)
    }

    /// The kept lines' places by hash, worked out once, when first needed, by whichever thread asks.
    private final class KeptLines: Sendable {
        private let lists: [Data]
        private let places = Mutex<[UInt64: LinePlace]?>(nil)

        init(_ lists: [Data]) { self.lists = lists }

        func withPlaces<Result>(_ body: ([UInt64: LinePlace]) -> Result) -> Result {
            places.withLock { places in
                if places == nil { places = Self.places(in: lists) }
                return body(places ?? [:])
            }
        }

        private static func places(in lists: [Data]) -> [UInt64: LinePlace] {
            var lines: [UInt64: LinePlace] = [:]
            lines.reserveCapacity(lists.reduce(0) { $0 + $1.count } / 10)
            for (number, list) in lists.enumerated() {
                list.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    var start = 0
                    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                        defer { start = index + 1 }
                        let line = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        guard WordList.isKept(line) else { continue }
                        let key = WordList.hash(line)
                        if lines[key] == nil { lines[key] = LinePlace(list: Int32(number), start: Int32(start), count: Int32(line.count)) }
                    }
                }
            }
            return lines
        }
    }

    /// The system's lists, read once per process.
    public static let system = WordList(paths: systemPaths)

    /// True when no list could be read, or none holds a word: then no word is known to be
    /// ordinary, and every name-like word counts (more to review, nothing missed).
    public var isEmpty: Bool { lists.allSatisfy(\.isEmpty) }

    /// Makes the list ready for looking up now rather than at the first look-up (for measuring).
    public func prepare() { lines.withPlaces { _ in } }

    /// Whether `word` (any case) is an ordinary word. A hyphenated word is ordinary only as a whole.
    public func isOrdinary(_ word: some StringProtocol) -> Bool {
        var lowered = word.lowercased()
        return lowered.withUTF8 { query in
            guard let place = lines.withPlaces({ $0[Self.hash(query)] }), Int(place.count) == query.count else { return false }
            return lists[Int(place.list)].withUnsafeBytes { raw in
                raw[Int(place.start)..<Int(place.start + place.count)].elementsEqual(query)
            }
        }
    }

    /// Whether a line of a list is an ordinary word: it begins in lower case (a proper noun does
    /// not) and is not a possessive form ("keen's"), as the lists give many.
    private static func isKept(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if line.count >= 2, line[line.count - 2] == UInt8(ascii: "'"), line[line.count - 1] == UInt8(ascii: "s") { return false }
        if first < 0x80 { return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") }
        // A letter beyond ASCII (élan): decoded, only for these few lines.
        let leading = line.prefix(4)
        return String(decoding: leading, as: UTF8.self).first?.isLowercase == true
    }

    /// The same for a line and for the word it spells.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes)
        return hash.value
    }
}
