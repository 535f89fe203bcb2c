import ConveneCore
import Foundation

/// A session's journal read back by a test as the engine replays it, to check what the binary
/// kept without going through the binary.
enum JournalFile {
    static func replayed(_ journal: URL) throws -> SessionLog {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var log = SessionLog()
        for line in try Data(contentsOf: journal).split(separator: 0x0A) {
            try log.replay(decoder.decode(JournalRecord.self, from: line))
        }
        return log
    }
}
