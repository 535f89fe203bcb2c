import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// The review list's view of the sessions folder, read-only: the listing and search-as-you-type
/// through the archive's index (brought up to date once, when the list opens), sessions themselves
/// read from their journals only when one is opened.
final class StoreReview: ReviewBackend {
    private let options: SessionsOptions
    private let summaries: [SessionSummary]
    /// What every key of a search asks: the index, kept open while the list is; or, where there
    /// can be none, the sessions read once when the list opens.
    private let source: Source

    private enum Source {
        case index(ArchiveIndex)
        case sessions([(folder: SessionFolder, session: Session)])
    }

    init(options: SessionsOptions) {
        self.options = options
        if let index = try? ArchiveIndex.updated(options.catalog, { $0 }), let listed = try? index.summaries().summaries {
            source = .index(index)
            summaries = listed
        } else {
            let loaded = options.catalog.load().sessions
            source = .sessions(loaded)
            summaries = loaded.map { SessionSummary(folder: $0.folder, session: $0.session) }
        }
    }

    func listings() -> [SessionSummary] {
        summaries
    }

    func search(_ query: String) -> [SearchHit] {
        // What is typed or pasted into the list's search is searched for its first words.
        let query = SearchQuery(query).limited
        let dates = Dictionary(summaries.map { ($0.folder, $0.date) }) { first, _ in first }
        let hits: [SearchHit] = switch source {
        // An index that fails mid-list (a disk error) is read around, not shown as no hits.
        case .index(let index): (try? index.search(query)) ?? Archive(options: options).scannedSearch(query).hits
        case .sessions(let loaded): loaded.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) }
        }
        return hits.map { hit in
            var dated = hit
            dated.date = dates[hit.folder] ?? ""
            return dated
        }
    }

    func suggestion(for query: String) -> String? {
        Archive(options: options).suggestion(for: SearchQuery(query).limited)
    }

    func notes(of folder: String) throws -> SessionRecord {
        try Self.record(of: folder, options: options)
    }

    /// A session's record for the reader. Whoever owns the terminal cannot print load warnings.
    static func record(of folder: String, options: SessionsOptions) throws -> SessionRecord {
        let notes = try readOnlyNotes(of: options.catalog.resolve(folder), options: options) { $0 }
        return SessionRecord(title: notes.heading.title, markdown: notes.notes, series: notes.heading.series)
    }

    /// A session's notes as `SessionFolder.notesForReading` gives them, with the reader's heading.
    static func readOnlyNotes<Reading>(of folder: SessionFolder, options: SessionsOptions, reading: (String) -> Reading) throws
        -> (heading: ReaderHeading, notes: Reading, warnings: [String]) {
        let read = try folder.notesForReading(madeBy: NotesProvenance.makers(options.templates), renderer: { try options.templates.notesRenderer() },
                                              reading: reading)
        if read.rendered { catchUp(folder, options: options) }
        return (heading(of: read.latest.details), read.notes, read.latest.warnings)
    }

    /// What the reader learns of a session behind its first screen: its heading, or nothing when
    /// the journal cannot be read; and what to tell the person afterwards (what loading it would
    /// warn about, or why it cannot be read).
    struct Learnt: Sendable {
        var heading: ReaderHeading?
        var messages: [String]
    }

    /// A session's notes for the reader at once when they are current, the session's heading
    /// learnt meanwhile (`SessionFolder.notesForReadingSoon`).
    static func notesSoon<Reading>(of folder: SessionFolder, options: SessionsOptions, reading: (Data) -> Reading) throws
        -> (notes: Reading, learnt: Prefetched<Learnt>) {
        let read = try folder.notesForReadingSoon(madeBy: NotesProvenance.makers(options.templates), renderer: { try options.templates.notesRenderer() },
                                                  reading: reading) { latest in
            switch latest {
            case .success(let latest):
                return Learnt(heading: heading(of: latest.details), messages: latest.warnings)
            case .failure(let error):
                return Learnt(heading: nil, messages: ["\(error)"])
            }
        }
        if read.rendered { catchUp(folder, options: options) }
        return (read.notes, read.learnt)
    }

    /// A session's notes for `convene show`, at once when they are current, with what loading the
    /// session would warn about (`SessionFolder.notesForPrintingSoon`).
    static func notesToPrint(of folder: SessionFolder, options: SessionsOptions) throws -> (notes: String, warnings: Prefetched<[String]>) {
        let read = try folder.notesForPrintingSoon(madeBy: NotesProvenance.makers(options.templates),
                                                   renderer: { try options.templates.notesRenderer() }) { String(decoding: $0, as: UTF8.self) }
        if read.rendered { catchUp(folder, options: options) }
        return (read.notes, read.warnings)
    }

    /// A reader had to render the notes (`notes.md` was written by another version or template,
    /// or edited by hand): `notes.md` is brought up to date in the background, as after a change,
    /// so that the next reader of a long session reads it instead of rendering it again. The
    /// session itself is never changed by reading it.
    private static func catchUp(_ folder: SessionFolder, options: SessionsOptions) {
        NotesFollowUp.spawnCatchUp(of: folder, options: options)
    }

    /// The reader's title bar and series links for a session.
    private static func heading(of details: SessionDetails) -> ReaderHeading {
        ReaderHeading(title: "\(details.title) · \(details.date) · read-only",
                      series: ReaderSeries(previous: details.previous, next: details.next))
    }

    /// The series' actions and questions, each once however many sessions carried it: the open
    /// ones first, then what was closed and where. Read from the journals now, following the links.
    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String) {
        let series = try options.catalog.resolve(folder).series()
        let name = series.name ?? folder
        let inline = MarkdownEscaping.inline
        func place(_ reference: SessionReference) -> String { inline("\(reference.title), \(reference.date)") }
        func line(_ entry: SeriesLedger.Entry) -> String {
            var facts: [String] = []
            if let owner = entry.point.owner { facts.append(inline(owner)) }
            if let due = entry.point.due { facts.append("due " + due) }
            if let closed = entry.closedIn {
                facts.append("**\((entry.point.status ?? .done).name(for: entry.point.kind))** in \(place(closed))")
            }
            facts.append("raised in " + place(entry.raisedIn))
            var text = "- " + MarkdownEscaping.block(entry.point.text, indent: "  ") + " · " + facts.joined(separator: " · ")
            if let answer = entry.point.answer { text += "\n  *Answer:* " + MarkdownEscaping.block(answer, indent: "  ") }
            return text
        }
        var markdown = "# Open actions and questions: \(inline(name))\n\n"
        markdown += Counted.phrase(series.sessions.count, "session") + ": "
            + series.sessions.map { place($0.reference) }.joined(separator: " · ") + "\n"
        let entries = series.ledger.entries
        let sections: [(String, [SeriesLedger.Entry])] = [
            ("Open actions", entries.filter { $0.isOpen && $0.point.kind == .action }),
            ("Open questions", entries.filter { $0.isOpen && $0.point.kind == .question }),
            ("Closed", entries.filter { !$0.isOpen }),
        ]
        for (heading, members) in sections {
            markdown += "\n## \(heading)\n\n" + (members.isEmpty ? "None.\n" : members.map(line).joined(separator: "\n") + "\n")
        }
        return ("Open actions · \(name)", markdown)
    }
}
