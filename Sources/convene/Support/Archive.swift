import ConveneStore
import Foundation

/// The sessions folder as `list`, `search` and the home list read it: through the index (brought
/// up to date first, reading only the journals that changed), or straight from the journals when
/// the folder cannot hold an index or the index fails; the answer is the same either way.
struct Archive {
    let options: SessionsOptions

    func summaries() -> (summaries: [SessionSummary], problems: [String]) {
        var trouble: [String] = []
        if let (summaries, problems) = throughIndex({ try $0.summaries() }, trouble: &trouble) { return (summaries, problems) }
        let scanned = scannedSummaries()
        return (scanned.summaries, trouble + scanned.problems)
    }

    func search(_ query: SearchQuery) -> (hits: [SearchHit], problems: [String]) {
        var trouble: [String] = []
        if let found = throughIndex({ (try $0.search(query), try $0.problems()) }, trouble: &trouble) { return found }
        let scanned = scannedSearch(query)
        return (scanned.hits, trouble + scanned.problems)
    }

    /// Every session read from its journal: what the index would have said.
    private func scannedSummaries() -> (summaries: [SessionSummary], problems: [String]) {
        let (loaded, problems) = options.catalog.load()
        return (loaded.map { SessionSummary(folder: $0.folder, session: $0.session) }, problems.map(\.description))
    }

    func scannedSearch(_ query: SearchQuery) -> (hits: [SearchHit], problems: [String]) {
        let (loaded, problems) = options.catalog.load()
        return (loaded.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) }, problems.map(\.description))
    }

    /// The index's answer; nil when there is none. Why it failed goes with the other problems, for
    /// the caller to show where it shows them (the home screen owns the terminal: nothing may be
    /// printed under it).
    private func throughIndex<Result>(_ body: (ArchiveIndex) throws -> Result, trouble: inout [String]) -> Result? {
        do {
            return try ArchiveIndex.updated(options.catalog, body)
        } catch {
            trouble.append("the index of \(options.catalog.root.path) could not be used (\(error)); the sessions were read instead")
            return nil
        }
    }
}
