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
        var hits: [SearchHit] = []
        // Collecting cannot fail: nothing is thrown out of `each`.
        let problems = (try? search(query, limit: limit) { hits.append($0.hit) }) ?? []
        return (hits, problems)
    }

    /// The places `query` finds, best first, each handed to `each` as it is read: through the
    /// index they arrive while SQLite reads them out, as the bytes it holds. Returns the problems
    /// met; throws only what `each` throws (standard output closed, say).
    func search(_ query: SearchQuery, limit: Int? = nil, each: (FoundPlace) throws -> Void) throws -> [String] {
        try search(query, limit: limit, fromIndex: { index, hand in try index.search(query, limit: limit, each: hand) },
                   fromHit: { hit, hand in try FoundPlace.of(hit, hand) }, each: each)
    }

    /// The places `query` finds, best first, each written as a line by `line` (on whichever core
    /// read it out: the index reads a common word on both) and handed to `each` as those bytes.
    func search(_ query: SearchQuery, limit: Int? = nil, writing line: @escaping @Sendable (FoundPlace, inout [UInt8]) -> Void,
                each: (ArraySlice<UInt8>) throws -> Void) throws -> [String] {
        try search(query, limit: limit, fromIndex: { index, hand in try index.search(query, limit: limit, writing: line, each: hand) },
                   fromHit: { hit, hand in
                       var written: [UInt8] = []
                       FoundPlace.of(hit) { line($0, &written) }
                       try hand(written[...])
                   }, each: each)
    }

    /// The places `query` finds, best first, handed to `each` as `fromIndex` reads them out of
    /// the index, or as `fromHit` hands on those found without it.
    /// (Both are escaping only so that `each` may be handed to them: neither is kept.)
    private func search<Place>(_ query: SearchQuery, limit: Int?, fromIndex: @escaping (ArchiveIndex, (Place) throws -> Void) throws -> Void,
                               fromHit: @escaping (SearchHit, (Place) throws -> Void) throws -> Void,
                               each: (Place) throws -> Void) throws -> [String] {
        var trouble: [String] = []
        var handed = 0
        var handingFailed: (any Error)?
        let fromIndexProblems: [String]?
        do {
            fromIndexProblems = try throughIndex(readingAtMost: Self.journalsReadBeforeSearching, { index in
                try fromIndex(index) { place in
                    do { try each(place) } catch {
                        handingFailed = error
                        throw error
                    }
                    handed += 1
                }
                return try index.problems()
            }, trouble: &trouble)
        } catch {
            // Far behind (a new archive): only the journals that may hold the words are read,
            // and the index is built in the background for the next search, started once these
            // places are handed on: an indexer reading every journal on both cores meanwhile
            // doubled the time of this search.
            defer { _ = BackgroundCommand.start(CatchUpIndex.configuration.commandName ?? "catch-up-index", options: options, arguments: []) }
            let found: (hits: [SearchHit], problems: [String])?
            do {
                found = try ArchiveIndex.searchWithoutIndex(options.catalog, query, after: error)
            } catch {
                trouble.append("the sessions of \(options.catalog.root.path) could not be searched in memory (\(error)); all were read instead")
                found = nil
            }
            if let found {
                try found.hits.prefix(limit ?? .max).forEach { try fromHit($0, each) }
                return found.problems
            }
            fromIndexProblems = nil
        }
        if let handingFailed { throw handingFailed }
        if let fromIndexProblems { return trouble + fromIndexProblems }
        // The index failed part-way: what it handed on is not sent again from the journals.
        if handed > 0 { return trouble }
        let scanned = scannedSearch(query)
        try scanned.hits.prefix(limit ?? .max).forEach { try fromHit($0, each) }
        return trouble + scanned.problems
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
