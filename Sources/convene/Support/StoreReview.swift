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

    func notes(of folder: String) throws -> (title: String, markdown: String) {
        // The list owns the terminal: load warnings cannot be printed here.
        let notes = try Self.readOnlyNotes(of: options.catalog.resolve(folder), options: options) { $0 }
        return (notes.title, notes.notes)
    }

    /// A session's notes as `SessionFolder.notesForReading` gives them, titled for the reader.
    static func readOnlyNotes<Reading>(of folder: SessionFolder, options: SessionsOptions, reading: (String) -> Reading) throws
        -> (title: String, notes: Reading, warnings: [String]) {
        let read = try folder.notesForReading(renderer: { try options.templates.notesRenderer() }, reading: reading)
        return (title(of: read.session), read.notes, read.warnings)
    }

    private static func title(of session: Session) -> String {
        "\(session.details.title) · \(session.details.date) · read-only"
    }

    /// The series' sessions are read from their journals now, newest first: only they are needed.
    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String) {
        let series = try options.catalog.resolve(folder).load().log.session.seriesName
        let members = summaries.filter { ($0.series ?? $0.title) == series }
            .compactMap { summary in try? options.catalog.resolve(summary.folder).load().log.session }
            .sorted { $0.details.date > $1.details.date }
        var markdown = "# Open questions and actions: \(MarkdownEscaping.inline(series))\n"
        for member in members {
            markdown += "\n## \(MarkdownEscaping.inline(member.details.date)) · \(MarkdownEscaping.inline(member.details.title))\n\n"
            let open = member.openItems
            markdown += open.isEmpty ? "Nothing left open.\n"
                : open.map { "- \($0.kind == .action ? "Action: " : "")\(MarkdownEscaping.block($0.text, indent: "  "))" }.joined(separator: "\n") + "\n"
        }
        return ("Open questions · \(series)", markdown)
    }
}
