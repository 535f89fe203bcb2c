import ArgumentParser
import ConveneCore
import ConveneStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles and captured text across saved sessions.",
        discussion: """
            Each word finds the words it starts ("resum" finds "Résumé"), all of them in the same text;             "a quoted phrase" finds those words in that order. Case and accents never matter. Best             matches first. Exits 1 when nothing is found.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "The words to find.")
    var query: String

    func run() throws {
        let (hits, problems) = Archive(options: sessions).search(SearchQuery(query))
        for problem in problems { Output.warn(problem) }
        try Output.print(lines: hits.map { "\(VisibleText.of($0.folder))  \($0.place): \($0.excerpt)" })
        if hits.isEmpty {
            let count = sessions.catalog.folders().count
            Output.warn("no matches for ‘\(query)’ in \(count) session\(count == 1 ? "" : "s") in \(sessions.catalog.root.path)")
            throw ExitCode(1)
        }
    }
}
