import ConveneCore
import Foundation

/// A journal read back from disk.
public struct LoadedJournal: Sendable {
    public var log: SessionLog
    /// Things a person should know but that did not stop the load, e.g. a torn last line dropped.
    public var warnings: [String]
    /// How many bytes of the file are whole lines: where a writer continues.
    var intactLength: Int
}

/// Reads `session.jsonl`: every whole line must be a valid record that applies in sequence. A last
/// line without its newline is what a crash mid-write leaves; it was never reported saved, so it is
/// dropped with a warning. Any other damage is an error naming the line: nothing is skipped silently.
enum JournalReader {
    static func load(_ url: URL) throws(StoreError) -> LoadedJournal {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io(path: url.path, operation: "read", errno: (error as NSError).code == NSFileReadNoSuchFileError ? ENOENT : EIO)
        }
        return try parse(data, path: url.path)
    }

    static func parse(_ data: Data, path: String) throws(StoreError) -> LoadedJournal {
        var log = SessionLog()
        var warnings: [String] = []
        let decoder = JournalCoding.decoder()
        var lineNumber = 0
        var lineStart = data.startIndex
        var intactLength = 0
        while lineStart < data.endIndex {
            lineNumber += 1
            guard let newline = data[lineStart...].firstIndex(of: 0x0A) else {
                let torn = data.endIndex - lineStart
                warnings.append("\(path):\(lineNumber): dropped an unfinished last line (\(torn) bytes): "
                    + "the program writing it stopped before it was saved")
                break
            }
            let line = data[lineStart..<newline]
            let record: JournalRecord
            do {
                record = try decoder.decode(JournalRecord.self, from: line)
            } catch {
                throw .corruptLine(path: path, line: lineNumber, reason: describe(error))
            }
            do {
                try log.replay(record)
            } catch {
                throw .refusedEvent(path: path, line: lineNumber, error: error)
            }
            lineStart = newline + 1
            intactLength = lineStart - data.startIndex
        }
        guard log.session.isCreated else { throw .emptyJournal(path: path) }
        return LoadedJournal(log: log, warnings: warnings, intactLength: intactLength)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context.codingPath))"
        case DecodingError.keyNotFound(let key, let context):
            "missing ‘\(key.stringValue)’" + (context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(path(context.codingPath))"
        default:
            "\(error)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map(\.stringValue).joined(separator: ".")
    }
}
