import ConveneCore
import Foundation

extension SessionFolder {
    /// The session's notes for reading, without the lock, with the session and what loading found
    /// worth telling (e.g. a torn last line dropped): `notes.md` when it is as new as the journal
    /// (rendering a long session's notes takes longer than reading them), else rendered from the
    /// journal. `reading` makes the notes ready for whoever shows them (the reader parses them).
    public func notesForReading<Reading>(
        renderer: () throws -> NotesRenderer, reading: (String) -> Reading
    ) throws -> (session: Session, notes: Reading, warnings: [String]) {
        // The journal is loaded (for the title, and what loading found) while current notes are
        // read and made ready: on a long session each takes about as long, and neither needs the other.
        let loading = Prefetched { [self] in Result { () throws(StoreError) in try load() } }
        if let markdown = currentNotes() {
            let notes = reading(markdown)
            let loaded = try loading.value.get()
            return (loaded.log.session, notes, loaded.warnings)
        }
        let loaded = try loading.value.get()
        return (loaded.log.session, reading(try renderer().render(loaded.log.session)), loaded.warnings)
    }
}
