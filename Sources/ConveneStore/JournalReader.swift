import ConveneCore
import Dispatch
import Foundation
import Synchronization

/// A journal read back from disk.
public struct LoadedJournal: Sendable {
    public var log: SessionLog
    /// Things a person should know but that did not stop the load, e.g. a torn last line dropped.
    public var warnings: [String]
    /// How many bytes of the file are whole lines: where a writer continues.
    var intactLength: Int
    /// Lines replayed to get here: all of them, or those after the checkpoint the load started from.
    var linesReplayed: Int
}

/// Reads `session.jsonl`: every whole line must be a valid record that applies in sequence. A last
/// line without its newline is what a crash mid-write leaves; it was never reported saved, so it is
/// dropped with a warning. Any other damage is an error naming the line: nothing is skipped silently.
enum JournalReader {
    /// Lines decoded per worker before their records are applied: bounds memory on long journals.
    static let batchSize = 512
    static let workers = ParallelChunks.workers

    /// The journal's bytes, read without following a link.
    static func read(_ url: URL) throws(StoreError) -> Data {
        let fd = try POSIX.openRegular(url.path, flags: O_RDONLY)
        defer { close(fd) }
        return try POSIX.readAll(fd, path: url.path)
    }

    /// Replays `data`, the journal of `folder`, from its checkpoint when that still matches it.
    /// Lines after a change the disk refused (`SessionFolder.savedPart(of:)`) are left out.
    static func parse(_ data: Data, of folder: SessionFolder) throws(StoreError) -> LoadedJournal {
        let (saved, warning) = folder.savedPart(of: data)
        var loaded = try parse(saved, path: folder.journal.path, from: CheckpointFile.restore(in: folder, matching: saved))
        if let warning { loaded.warnings.append(warning) }
        return loaded
    }

    /// Replays the whole lines of `data`, or those after `checkpoint.length` onto `checkpoint.log`.
    static func parse(_ data: Data, path: String, from checkpoint: consuming (log: SessionLog, length: Int)? = nil) throws(StoreError) -> LoadedJournal {
        let checkpointLength = checkpoint?.length ?? 0
        let (lines, tornBytes) = wholeLines(of: data, from: checkpointLength)
        // Each line holds the record of its own sequence number.
        let linesBefore = checkpoint?.log.lastSeq ?? 0
        var warnings: [String] = []
        if tornBytes > 0 { warnings.append(tornLineWarning(path: path, line: linesBefore + lines.count + 1, bytes: tornBytes)) }
        // Decoding is the costly part and each line stands alone, so lines are decoded on every core;
        // records are then applied strictly in order, as the reducer requires.
        // Taken over, not copied: while the checkpoint still held the session, the first record
        // replayed copied every point of it (whole points, on every open with lines to replay).
        var log = (consume checkpoint)?.log ?? SessionLog()
        var start = 0
        while start < lines.count {
            let end = min(start + batchSize * workers, lines.count)
            let decoded = decode(lines[start..<end], of: data)
            for (offset, result) in decoded.enumerated() {
                let lineNumber = linesBefore + start + offset + 1
                switch result {
                case .failure(let failure):
                    throw .corruptLine(path: path, line: lineNumber, reason: failure.reason)
                case .success(let record):
                    do {
                        try log.replay(record)
                    } catch {
                        throw .refusedEvent(path: path, line: lineNumber, error: error)
                    }
                }
            }
            start = end
        }
        guard log.session.isCreated else { throw .emptyJournal(path: path) }
        let intactLength = lines.last.map { $0.upperBound + 1 } ?? checkpointLength
        return LoadedJournal(log: log, warnings: warnings, intactLength: intactLength, linesReplayed: lines.count)
    }

    /// The records of `lines` of `data`, each checked as a load checks it; `firstLine` numbers them
    /// in what an error says.
    static func records(_ lines: ArraySlice<Range<Int>>, of data: Data, path: String, firstLine: Int) throws(StoreError) -> [JournalRecord] {
        var records: [JournalRecord] = []
        records.reserveCapacity(lines.count)
        for (offset, result) in decode(lines, of: data).enumerated() {
            switch result {
            case .failure(let failure): throw .corruptLine(path: path, line: firstLine + offset, reason: failure.reason)
            case .success(let record): records.append(record)
            }
        }
        return records
    }

    /// What a person is told of a last line without its newline, line `line` of the journal at `path`.
    static func tornLineWarning(path: String, line: Int, bytes: Int) -> String {
        "\(path):\(line): dropped an unfinished last line (\(bytes) bytes): the program writing it stopped before it was saved"
    }

    /// The byte ranges of the newline-terminated lines from `offset` on (newline excluded), and the
    /// length of a torn tail.
    static func wholeLines(of data: Data, from offset: Int) -> (lines: [Range<Int>], tornBytes: Int) {
        var lines: [Range<Int>] = []
        var lineStart = offset
        data.withUnsafeBytes { bytes in
            for index in offset..<bytes.count where bytes[index] == 0x0A {
                lines.append(lineStart..<index)
                lineStart = index + 1
            }
        }
        return (lines, data.count - lineStart)
    }

    struct LineFailure: Error, Sendable {
        var reason: String
    }

    private static func decode(_ lines: ArraySlice<Range<Int>>, of data: Data) -> [Result<JournalRecord, LineFailure>] {
        // A short journal (a script's `add` to a small session) is decoded on this thread: starting
        // the others costs more than its few lines.
        ParallelChunks.map(lines.indices, chunks: workers, minimumChunk: 64) { part in
            let decoder = JournalCoding.decoder()
            return lines[part].map { range -> Result<JournalRecord, LineFailure> in
                if let problem = JournalLineCheck.problem(data[range]) { return .failure(LineFailure(reason: problem)) }
                do {
                    return .success(try decoder.decode(JournalRecord.self, from: data[range]))
                } catch {
                    return .failure(LineFailure(reason: describe(error)))
                }
            }
        }
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
