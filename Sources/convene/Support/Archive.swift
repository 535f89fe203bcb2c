import ConveneStore
import Foundation

/// The sessions folder as `list` and `search` read it: through the index (brought up to date
/// first, reading only the journals that changed), or straight from the journals when the folder
/// cannot hold an index or the index fails; the answer is the same either way.
struct Archive {
    let options: SessionsOptions

    func summaries() -> (summaries: [SessionSummary], problems: [String]) {
        if let listed = throughIndex({ try $0.summaries() }) { return listed }
        let (loaded, problems) = options.catalog.load()
        return (loaded.map { SessionSummary(folder: $0.folder, session: $0.session) }, problems.map(\.description))
    }

    func search(_ query: SearchQuery) -> (hits: [SearchHit], problems: [String]) {
        if let found = throughIndex({ (try $0.search(query), try $0.problems()) }) { return found }
        let (loaded, problems) = options.catalog.load()
        return (loaded.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) }, problems.map(\.description))
    }

    private func throughIndex<Result>(_ body: (ArchiveIndex) throws -> Result) -> Result? {
        do {
            return try ArchiveIndex.updated(options.catalog, body)
        } catch {
            Output.warn("the index of \(options.catalog.root.path) could not be used (\(error)); reading the sessions instead")
            return nil
        }
    }
}
