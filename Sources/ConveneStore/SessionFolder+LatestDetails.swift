import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A session's details (title, date, series links) as its journal leaves them, and what loading
/// the journal warns about: what a reader's title bar needs of a session.
public struct LatestDetails: Sendable {
    public var details: SessionDetails
    public var warnings: [String]

    public init(details: SessionDetails, warnings: [String]) {
        self.details = details
        self.warnings = warnings
    }

    public init(_ loaded: LoadedJournal) {
        self.init(details: loaded.log.session.details, warnings: loaded.warnings)
    }
}

extension SessionFolder {
    /// The session's details as loading it would leave them, and what the load would warn about
    /// (a change the disk refused left out, a torn last line dropped), without replaying a change
    /// or decoding a point: the checkpoint's opening when it still matches the journal
    /// (`CheckpointFile.opening`), then the details each later line sets
    /// (`SessionEvent.detailsSet`), the journal read in pieces. For a reader of current notes,
    /// whose title bar needs a few words of a session that may hold hundreds of megabytes.
    ///
    /// A line that does not decode is the error a load gives. A change the reducer would refuse is
    /// not looked for: notes are current only when written after the journal's last line, once it
    /// had loaded.
    public func latestDetails() throws(StoreError) -> LatestDetails {
        guard exists else { throw .notASession(path: url.path) }
        let (fd, size, saved) = try journalToRead()
        defer { close(fd) }
        let checkpoint = CheckpointFile.opening(in: self, journal: fd, length: saved)
        var details = checkpoint?.details
        // Lines are numbered as a load numbers them: those the checkpoint holds come first.
        var linesBefore = checkpoint?.lastSeq ?? 0
        // The start of a line the piece before ended inside.
        var unfinished = Data()
        try POSIX.eachPiece(of: fd, from: checkpoint?.length ?? 0, upTo: saved, path: journal.path) { piece, _ throws(StoreError) in
            unfinished.append(contentsOf: piece)
            let (lines, _) = JournalReader.wholeLines(of: unfinished, from: 0)
            let records = try JournalReader.records(lines[...], of: unfinished, path: journal.path, firstLine: linesBefore + 1)
            // A record set aside is kept for the history only: a load does not apply it.
            for record in records where record.aside != true {
                details = record.event.detailsSet ?? details
            }
            linesBefore += lines.count
            unfinished = Data(unfinished.dropFirst(lines.last.map { $0.upperBound + 1 } ?? 0))
        }
        guard let details else { throw .emptyJournal(path: journal.path) }
        return LatestDetails(details: details, warnings: endWarnings(wholeLines: linesBefore, tornBytes: unfinished.count, saved: saved, size: size))
    }
}
