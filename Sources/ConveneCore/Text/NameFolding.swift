import Foundation
import Synchronization

/// Lower case, without accents, every apostrophe the straight one: how names are compared
/// ("López" is found as "lopez", "O’Brien" as "o'brien").
///
/// Foundation's folding of a whole string goes through NSString and costs microseconds a word;
/// a disclosure check folds every word outside ASCII in the record. Folding is the same
/// character by character (a combining accent folds to nothing after its letter), so each scalar is
/// folded once per process and kept.
enum NameFolding {
    private static let folded = Mutex<[UInt32: String]>([:])

    /// `text` folded: ASCII by its bytes, anything else scalar by scalar from the kept foldings.
    static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        forEachFolded(text) { result += $0 }
        return result
    }

    /// FNV-1a over the UTF-8 bytes of `fold(text)`, without making it: what a word is looked up
    /// by before it is known to be worth folding.
    static func foldedHash(_ text: some StringProtocol) -> UInt64 {
        var hash = FNV1a()
        forEachFolded(text) { piece in
            for byte in piece.utf8 { hash.add(byte) }
        }
        return hash.value
    }

    private static func forEachFolded(_ text: some StringProtocol, _ body: (String) -> Void) {
        folded.withLock { kept in
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    body(String(scalar.value &- 0x41 < 26 ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar))
                } else if let known = kept[scalar.value] {
                    body(known)
                } else {
                    let new = foldAlone(scalar)
                    kept[scalar.value] = new
                    body(new)
                }
            }
        }
    }

    /// A combining mark is folded after a letter, as it is written: on its own Foundation keeps it.
    private static func foldAlone(_ scalar: Unicode.Scalar) -> String {
        guard scalar.properties.canonicalCombiningClass != .notReordered else { return foundationFold(String(scalar)) }
        var afterLetter = foundationFold("a" + String(scalar)).unicodeScalars
        afterLetter.removeFirst()
        return String(afterLetter)
    }

    /// The reference: Foundation's folding of the whole text.
    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }
}
