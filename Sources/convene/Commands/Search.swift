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
        let searched = SearchQuery(query)
        if let tooLong = searched.tooLong { throw ValidationError(tooLong) }
        let (hits, problems) = Archive(options: sessions).search(searched)
        for problem in problems { Output.warn(problem) }
        try Output.print(lines: hits.map { "\(VisibleText.of($0.folder))  \($0.place): \($0.excerpt)" })
        if hits.isEmpty {
            let count = sessions.catalog.folders().count
            let shown = query.count > 80 ? query.prefix(80) + "…" : Substring(query)
            Output.warn("no matches for ‘\(shown)’ in \(count) session\(count == 1 ? "" : "s") in \(sessions.catalog.root.path)")
            throw ExitCode(1)
        }
    }
}
