import ArgumentParser
import ConveneStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search titles and captured text across saved sessions.",
        discussion: "Ignores case and accents. Exits 1 when nothing is found."
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "The words to find.")
    var query: String

    func run() throws {
        let (loaded, problems) = sessions.catalog.load()
        for problem in problems { Output.warn(problem.description) }
        let hits = loaded.flatMap { SessionSearch.hits(for: query, in: $0.folder, session: $0.session) }
        for hit in hits { try Output.print("\(hit.folder)  \(hit.place): \(hit.excerpt)") }
        if hits.isEmpty {
            Output.warn("no matches for ‘\(query)’ in \(loaded.count) session\(loaded.count == 1 ? "" : "s") in \(sessions.catalog.root.path)")
            throw ExitCode(1)
        }
    }
}
