import Foundation

/// Why a checkpoint could not be read back. A checkpoint is only ever a cache of the journal, so
/// whoever meets one of these replays the journal instead.
public struct CheckpointError: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Builds the checkpoint's binary form: little-endian fixed words, LEB128 lengths and counts,
/// strings as UTF-8 with their length in front.
struct ByteWriter {
    private(set) var data = Data()

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func count(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            data.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        data.append(UInt8(rest))
    }

    mutating func bytes(_ value: Data) {
        count(value.count)
        data.append(value)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            data.append(contentsOf: utf8)
        }
    }

    mutating func date(_ value: Date) {
        word(value.timeIntervalSinceReferenceDate.bitPattern)
    }

    /// A presence byte, then the value when there is one.
    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        guard let value else {
            data.append(0)
            return
        }
        data.append(1)
        write(&self, value)
    }
}

/// Reads what `ByteWriter` wrote, refusing to read past the end or to accept a malformed value.
/// Works on the bytes in place: only valid inside the `withUnsafeBytes` that lent them.
struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.buffer = bytes
    }

    /// Reads `data` with a reader over its bytes.
    static func reading<Result>(_ data: Data, _ body: (inout ByteReader) throws -> Result) throws -> Result {
        try data.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try body(&reader)
        }
    }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func word() throws(CheckpointError) -> UInt64 {
        guard buffer.count - offset >= 8 else { throw CheckpointError("ends inside a number") }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func count() throws(CheckpointError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw CheckpointError("ends inside a count") }
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
            guard shift < 63 else { throw CheckpointError("a count is too long") }
        }
        guard value <= UInt64(Int.max) else { throw CheckpointError("a count is too large") }
        return Int(value)
    }

    private mutating func field() throws(CheckpointError) -> UnsafeRawBufferPointer {
        let length = try count()
        guard buffer.count - offset >= length else { throw CheckpointError("ends inside a field") }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
    }

    mutating func bytes() throws(CheckpointError) -> Data {
        Data(try field())
    }

    /// Text as UTF-8. The checkpoint's own digest has already vouched for its bytes, so a
    /// malformed sequence (which only a bug could write) is repaired rather than refused.
    mutating func string() throws(CheckpointError) -> String {
        String(decoding: try field(), as: UTF8.self)
    }

    /// The value whose UTF-8 name the next field holds, or nil when it names none of them.
    mutating func oneOf<Value>(_ known: [(utf8: [UInt8], value: Value)]) throws(CheckpointError) -> Value? {
        let name = try field()
        return known.first { $0.utf8.elementsEqual(name) }?.value
    }

    mutating func date() throws(CheckpointError) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(bitPattern: try word()))
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws(CheckpointError) -> Value) throws(CheckpointError) -> Value? {
        guard offset < buffer.count else { throw CheckpointError("ends before a field") }
        let flag = buffer[offset]
        offset += 1
        switch flag {
        case 0: return nil
        case 1: return try read(&self)
        default: throw CheckpointError("a field's presence mark is \(flag)")
        }
    }
}
