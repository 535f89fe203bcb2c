import ConveneCore
import Foundation

extension SessionFolder {
    /// Every saved record of the journal, in order: the history a change is looked up in (to put
    /// back a change that gave way in a merge). A load checks each line the same way.
    public func records() throws(StoreError) -> [JournalRecord] {
        guard exists else { throw .notASession(path: url.path) }
        let (saved, _) = savedPart(of: try JournalReader.read(journal))
        let lines = JournalReader.wholeLines(of: saved, from: 0).lines
        return try JournalReader.records(lines[...], of: saved, path: journal.path, firstLine: 1)
    }
}
