import ConveneCore
import Foundation

/// What a journal line must be beyond valid JSON. Convene writes every line itself, so anything
/// else means another program edited the file; such a line is refused with what is wrong, never
/// half-read: Foundation's decoder would silently keep the first of two equal keys and accept a
/// byte-order mark or a carriage return.
enum JournalLineCheck {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let topLevel = JournalRecord.fieldNames.map { Array($0.utf8) }

    /// Why the line (without its newline) is not as Convene writes lines, or nil.
    static func problem(_ line: Data) -> String? {
        if line.starts(with: byteOrderMark) {
            return "it starts with a byte-order mark, which Convene never writes; remove the first three bytes"
        }
        if line.last == UInt8(ascii: "\r") {
            return "it ends in a carriage return (Windows line ends); convert the file with `sed -i 's/\\r$//'`"
        }
        switch keyProblem(in: line) {
        case .repeated(let key)?: return "the key ‘\(key)’ appears twice in one object, so which value is meant cannot be told"
        case .unknown(let key)?:
            return "unknown key ‘\(key)’; expected one of \(JournalRecord.fieldNames.sorted().joined(separator: ", ")) "
                + "(written by a newer Convene, or edited by hand)"
        case nil: return nil
        }
    }

    enum KeyProblem: Equatable {
        case repeated(String)
        /// A field of the record itself (the top-level object) that a journal line does not have.
        case unknown(String)
    }

    /// The first key that appears twice in one JSON object, at any depth, or a field of the record
    /// itself that journal lines do not have. One pass over the bytes
    /// without allocating per key: strings are skipped whole, and each open object remembers where
    /// its keys lie in the line (objects in a journal line have a handful of keys, so comparing a
    /// new key with its object's earlier ones costs less than hashing it).
    static func keyProblem(in line: Data) -> KeyProblem? {
        line.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> KeyProblem? in
            var keys: [Range<Int>] = []
            // Per open container: where its keys start in `keys`, or nil for an array; and whether a key comes next.
            var containers: [(firstKey: Int?, expectingKey: Bool)] = []
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "{"): containers.append((keys.count, true))
                case UInt8(ascii: "["): containers.append((nil, false))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if let closed = containers.popLast(), let first = closed.firstKey { keys.removeSubrange(first...) }
                case UInt8(ascii: ","):
                    if let last = containers.indices.last, containers[last].firstKey != nil { containers[last].expectingKey = true }
                case UInt8(ascii: "\""):
                    let start = index + 1
                    index = start
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    guard index < bytes.count else { return nil }
                    if let last = containers.indices.last, let first = containers[last].firstKey, containers[last].expectingKey {
                        containers[last].expectingKey = false
                        let key = start..<index
                        let earlier = keys[first...].contains { bytes[$0].elementsEqual(bytes[key]) }
                        if earlier { return .repeated(String(decoding: bytes[key], as: UTF8.self)) }
                        if last == 0, !topLevel.contains(where: { $0.elementsEqual(bytes[key]) }) {
                            return .unknown(String(decoding: bytes[key], as: UTF8.self))
                        }
                        keys.append(key)
                    }
                default:
                    break
                }
                index += 1
            }
            return nil
        }
    }
}
