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
        let session = try options.catalog.resolve(folder).load().log.session
        return ("\(session.details.title) · \(session.details.date) · read-only", try options.templates.notesRenderer().render(session))
    }
}
