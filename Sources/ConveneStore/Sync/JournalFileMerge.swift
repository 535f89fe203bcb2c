import ConveneCore
import Foundation

/// Merges two copies of a session's journal, as git's merge driver hands them over (see
/// `ArchiveRepository`): the lines both hold stay byte for byte, and what each wrote after them
/// is merged by event id (`JournalMerge`). A torn last line (a copy committed while a change was
/// being written) was never reported saved and is left out, as a load leaves it out.
public enum JournalFileMerge {
    public struct Outcome: Sendable {
        public var journal: Data
        public var notices: [MergeNotice]
        public var session: Session
    }

    public static func merge(ours: Data, theirs: Data, path: String) throws(StoreError) -> Outcome {
        let ourLines = JournalReader.wholeLines(of: ours, from: 0).lines
        let theirLines = JournalReader.wholeLines(of: theirs, from: 0).lines
        var shared = 0
        while shared < min(ourLines.count, theirLines.count), ours[ourLines[shared]] == theirs[theirLines[shared]] { shared += 1 }
        if shared == 0, !ourLines.isEmpty, !theirLines.isEmpty { throw .differentSessions(path: path) }
        let prefix = try JournalReader.records(ourLines[..<shared], of: ours, path: path, firstLine: 1)
        let ourTail = try JournalReader.records(ourLines[shared...], of: ours, path: path, firstLine: shared + 1)
        let theirTail = try JournalReader.records(theirLines[shared...], of: theirs, path: path + " (theirs)", firstLine: shared + 1)
        let outcome: JournalMerge.Outcome
        do {
            outcome = try JournalMerge.merge(prefix: prefix, ours: ourTail, theirs: theirTail)
        } catch {
            throw .refusedEvent(path: path, line: shared, error: error)
        }
        var journal = Data(ours[..<(ourLines.prefix(shared).last.map { $0.upperBound + 1 } ?? 0)])
        let encoder = JournalCoding.encoder()
        for record in outcome.records {
            do {
                journal += try JournalCoding.line(for: record, encoder: encoder)
            } catch {
                throw .corruptLine(path: path, line: record.seq, reason: "could not be written again: \(error)")
            }
        }
        return Outcome(journal: journal, notices: outcome.notices, session: outcome.session)
    }
}
