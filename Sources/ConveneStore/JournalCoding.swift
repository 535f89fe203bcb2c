import ConveneCore
import Foundation

/// The journal's line format: one `JournalRecord` as compact JSON with sorted keys, so that lines
/// are stable and diff well under git.
enum JournalCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func line(for record: JournalRecord, encoder: JSONEncoder) throws -> Data {
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }
}
