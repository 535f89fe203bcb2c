import Foundation

/// What a journal line must be beyond valid JSON. Convene writes every line itself, so anything
/// else means another program edited the file; such a line is refused with what is wrong, never
/// half-read: Foundation's decoder would silently keep the first of two equal keys and accept a
/// byte-order mark or a carriage return.
enum JournalLineCheck {
    /// An object or array open at the scanner's position.
    private struct Container {
        var isObject: Bool
        var expectingKey: Bool
        var keys: Set<[UInt8]> = []
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Why the line (without its newline) is not as Convene writes lines, or nil.
    static func problem(_ line: Data) -> String? {
        if line.starts(with: byteOrderMark) {
            return "it starts with a byte-order mark, which Convene never writes; remove the first three bytes"
        }
        if line.last == UInt8(ascii: "\r") {
            return "it ends in a carriage return (Windows line ends); convert the file with `sed -i 's/\\r$//'`"
        }
        if let key = repeatedKey(in: line) {
            return "the key ‘\(key)’ appears twice in one object, so which value is meant cannot be told"
        }
        return nil
    }

    /// The first key that appears twice in one JSON object, at any depth. One pass over the bytes:
    /// strings are skipped whole, and each open object keeps the keys seen so far.
    static func repeatedKey(in line: Data) -> String? {
        var stack: [Container] = []
        var index = line.startIndex
        while index != line.endIndex {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "{"): stack.append(Container(isObject: true, expectingKey: true))
            case UInt8(ascii: "["): stack.append(Container(isObject: false, expectingKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                if let last = stack.indices.last, stack[last].isObject { stack[last].expectingKey = true }
            case UInt8(ascii: "\""):
                var string: [UInt8] = []
                index = line.index(after: index)
                while index != line.endIndex, line[index] != UInt8(ascii: "\"") {
                    if line[index] == UInt8(ascii: "\\") {
                        string.append(line[index])
                        index = line.index(after: index)
                        guard index != line.endIndex else { break }
                    }
                    string.append(line[index])
                    index = line.index(after: index)
                }
                if let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey {
                    stack[last].expectingKey = false
                    if !stack[last].keys.insert(string).inserted { return String(decoding: string, as: UTF8.self) }
                }
                guard index != line.endIndex else { return nil }
            default:
                break
            }
            index = line.index(after: index)
        }
        return nil
    }
}
