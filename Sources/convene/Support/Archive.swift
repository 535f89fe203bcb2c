import ConveneCore
import ConveneStore
import Foundation

/// The sessions folder as `list`, `search` and the home list read it: through the index (brought
/// up to date first, reading only the journals that changed), or straight from the journals when
/// the folder cannot hold an index or the index fails; the answer is the same either way.
struct Archive {
    let options: SessionsOptions

    func summaries() -> (summaries: [SessionSummary], problems: [String]) {
        var trouble: [String] = []
        // With no limit on what is read first, the index is never too far behind to answer.
        if let (summaries, problems) = (try? throughIndex({ try $0.summaries() }, trouble: &trouble)) ?? nil {
            return (summaries, trouble + problems)
        }
        let scanned = scannedSummaries()
        return (scanned.summaries, trouble + scanned.problems)
    }

    /// How many changed journals a search reads into the index before answering. An index further
    /// behind (a new archive, one copied in) would make the first search wait for all of them:
    /// that search reads only the journals that may hold its words, and the index is built in the
    /// background for the next one.
    static let journalsReadBeforeSearching = 64

    /// The places `query` finds, best first (the best `limit` of them, when given).
    func search(_ query: SearchQuery, limit: Int? = nil) -> (hits: [SearchHit], problems: [String]) {
        var trouble: [String] = []
        do {
            if let found = try throughIndex(readingAtMost: Self.journalsReadBeforeSearching, {
                (try $0.search(query, limit: limit), try $0.problems())
            }, trouble: &trouble) { return (found.0, trouble + found.1) }
        } catch {
            _ = BackgroundCommand.start(CatchUpIndex.configuration.commandName ?? "catch-up-index", options: options, arguments: [])
            do {
                let found = try ArchiveIndex.searchWithoutIndex(options.catalog, query, after: error)
                return (Array(found.hits.prefix(limit ?? .max)), found.problems)
            } catch {
                trouble.append("the sessions of \(options.catalog.root.path) could not be searched in memory (\(error)); all were read instead")
            }
        }
        let scanned = scannedSearch(query)
        return (Array(scanned.hits.prefix(limit ?? .max)), trouble + scanned.problems)
    }

    /// How many places `query` finds: counted by the index when it is there, else by finding them.
    func count(_ query: SearchQuery) -> (count: Int, problems: [String]) {
        var trouble: [String] = []
        if let counted = (try? throughIndex(readingAtMost: Self.journalsReadBeforeSearching, {
            (try $0.count(query), try $0.problems())
        }, trouble: &trouble)) ?? nil {
            return (counted.0, trouble + counted.1)
        }
        let found = search(query)
        return (found.hits.count, found.problems)
    }

    /// Every session read from its journal: what the index would have said.
    private func scannedSummaries() -> (summaries: [SessionSummary], problems: [String]) {
        let (loaded, problems) = options.catalog.load()
        return (loaded.map { SessionSummary(folder: $0.folder, session: $0.session) },
                options.catalog.skippedFolders() + problems.map(\.description))
    }

    /// What to search for instead, when `query` found nothing: its misspelt words as the archive
    /// spells them (from the index, else from the sessions).
    func suggestion(for query: SearchQuery) -> String? {
        var trouble: [String] = []
        let texts = (try? throughIndex({ try $0.texts() }, trouble: &trouble)).flatMap { $0 }
            ?? options.catalog.load().sessions.flatMap { SessionSearch.passages(of: $0.session).map(\.text) }
        return query.suggestion(from: texts)
    }

    func scannedSearch(_ query: SearchQuery) -> (hits: [SearchHit], problems: [String]) {
        let (loaded, problems) = options.catalog.load()
        return (loaded.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) },
                options.catalog.skippedFolders() + problems.map(\.description))
    }

    /// The index's answer; nil when there is none. Why it failed goes with the other problems, for
    /// the caller to show where it shows them (the home screen owns the terminal: nothing may be
    /// printed under it). Thrown: the index is further behind than `limit` journals.
    private func throughIndex<Result>(readingAtMost limit: Int? = nil, _ body: (ArchiveIndex) throws -> Result,
                                      trouble: inout [String]) throws(ArchiveIndex.FarBehind) -> Result? {
        do {
            return try ArchiveIndex.updated(options.catalog, readingAtMost: limit) { index in
                trouble += index.notices
                return try body(index)
            }
        } catch let farBehind as ArchiveIndex.FarBehind {
            throw farBehind
        } catch {
            trouble.append("the index of \(options.catalog.root.path) could not be used (\(error)); the sessions were read instead")
            return nil
        }
    }
}
