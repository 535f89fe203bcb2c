import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// The review list's view of the sessions folder: every session loaded once, read-only.
final class StoreReview: ReviewBackend {
    private let options: SessionsOptions
    private let loaded: [(folder: SessionFolder, session: Session)]

    init(options: SessionsOptions) {
        self.options = options
        loaded = options.catalog.load().sessions
    }

    func listings() -> [SessionListing] {
        loaded.map { SessionListing(folder: $0.folder, session: $0.session) }
    }

    func search(_ query: String) -> [ReviewHit] {
        loaded.flatMap { folder, session in
            SessionSearch.hits(for: query, in: folder, session: session).map {
                ReviewHit(folder: $0.folder, title: $0.title, date: session.details.date, place: $0.place, excerpt: $0.excerpt)
            }
        }
    }

    func notes(of folder: String) throws -> (title: String, markdown: String) {
        // The list owns the terminal: load warnings cannot be printed here.
        let notes = try Self.readOnlyNotes(of: options.catalog.resolve(folder), options: options)
        return (notes.title, notes.markdown)
    }

    /// A session's notes rendered from its journal, read without the lock, titled for the reader,
    /// with what loading found worth telling (e.g. a torn last line dropped).
    static func readOnlyNotes(of folder: SessionFolder, options: SessionsOptions) throws
        -> (title: String, markdown: String, warnings: [String]) {
        let loaded = try folder.load()
        let session = loaded.log.session
        let title = "\(session.details.title) · \(session.details.date) · read-only"
        return (title, try options.templates.notesRenderer().render(session), loaded.warnings)
    }

    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String) {
        let session = try options.catalog.resolve(folder).load().log.session
        let series = session.seriesName
        let members = loaded.filter { $0.session.seriesName == series }.sorted { $0.session.details.date > $1.session.details.date }
        var markdown = "# Open questions and actions: \(MarkdownEscaping.inline(series))\n"
        for (_, member) in members {
            markdown += "\n## \(MarkdownEscaping.inline(member.details.date)) · \(MarkdownEscaping.inline(member.details.title))\n\n"
            let open = member.openItems
            markdown += open.isEmpty ? "Nothing left open.\n"
                : open.map { "- \($0.kind == .action ? "Action: " : "")\(MarkdownEscaping.block($0.text, indent: "  "))" }.joined(separator: "\n") + "\n"
        }
        return ("Open questions · \(series)", markdown)
    }
}
