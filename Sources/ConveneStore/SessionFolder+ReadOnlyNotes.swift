import ConveneCore
import Foundation

extension SessionFolder {
    /// The session's notes for reading, without the lock, with the session's details and what
    /// loading it would warn about (e.g. a torn last line dropped): `notes.md` when it is the record
    /// as this program wrote it, as new as the journal and as what made it (`madeBy`: the template,
    /// the program; see `currentNotes`) — rendering a long session's notes takes longer than
    /// reading them — else rendered from the journal: never a `notes.md` edited by hand, nor one
    /// an older template wrote. `reading` makes the notes ready for whoever shows them (the reader
    /// parses them). `rendered`: whether `notes.md` was not current, and the notes were rendered instead.
    public func notesForReading<Reading>(
        madeBy makers: [String], renderer: () throws -> NotesRenderer, reading: (String) -> Reading
    ) throws -> (latest: LatestDetails, notes: Reading, rendered: Bool) {
        // The details are followed through the journal (`latestDetails`) while current notes are
        // made ready: on a long session each takes a while, and neither needs the other. Only
        // notes that are not current need the session loaded, to render them.
        if let markdown = currentNotes(alsoAfter: makers, asWritten: true) {
            let following = Prefetched { [self] in Result { () throws(StoreError) in try latestDetails() } }
            let notes = reading(markdown)
            return (try following.value.get(), notes, false)
        }
        let loaded = try load()
        return (LatestDetails(loaded), reading(try renderer().render(loaded.log.session)), true)
    }

    /// The session's notes for reading as soon as they can be shown: `notes.md`, when current
    /// (as `notesForReading` judges it), without waiting for the session's details, which are
    /// followed meanwhile (`latestDetails`) and handed to `learning` (its result in `learnt`); else
    /// rendered from the journal once loaded (`rendered`).
    public func notesForReadingSoon<Reading, Learnt: Sendable>(
        madeBy makers: [String], renderer: () throws -> NotesRenderer, reading: (Data) -> Reading,
        learning: @escaping @Sendable (Result<LatestDetails, StoreError>) -> Learnt
    ) throws -> (notes: Reading, learnt: Prefetched<Learnt>, rendered: Bool) {
        if let current = currentNotesBytes(alsoAfter: makers, asWritten: true) {
            // Behind the first screen: a long session's journal takes a while to read through.
            let learnt = Prefetched(behind: true) { [self] in learning(Result { () throws(StoreError) in try latestDetails() }) }
            return (reading(current), learnt, false)
        }
        let loaded = Result { () throws(StoreError) in try load() }
        let notes = reading(Data(try renderer().render(try loaded.get().log.session).utf8))
        return (notes, Prefetched(ready: learning(loaded.map(LatestDetails.init))), true)
    }

    /// The session's notes for printing (`convene show`), which needs nothing of the session but
    /// what loading it would warn about: `notes.md` when current (as `notesForReading` judges it),
    /// the journal only checked meanwhile for a torn or refused end (`journalEndWarnings`), never
    /// loaded; else rendered from the loaded journal, with what the load found. Warnings include
    /// why the journal could not be read, once the notes are out.
    public func notesForPrintingSoon<Reading>(
        madeBy makers: [String], renderer: () throws -> NotesRenderer, reading: (Data) -> Reading
    ) throws -> (notes: Reading, warnings: Prefetched<[String]>, rendered: Bool) {
        if let current = currentNotesBytes(alsoAfter: makers, asWritten: true) {
            let warnings = Prefetched(behind: true) { [self] () -> [String] in
                do { return try journalEndWarnings() } catch { return ["\(error)"] }
            }
            return (reading(current), warnings, false)
        }
        let loaded = try load()
        return (reading(Data(try renderer().render(loaded.log.session).utf8)), Prefetched(ready: loaded.warnings), true)
    }
}
