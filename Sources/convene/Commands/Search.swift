import ArgumentParser
import ConveneCore
import ConveneStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles and captured text across saved sessions.",
        discussion: """
            Each word finds the words it starts ("resum" finds "Résumé"), all of them in the same text; \
            "a quoted phrase" finds those words in that order. Case and accents never matter. Best \
            matches first. Exits 1 when nothing is found.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "The words to find.")
    var query: String

    @Flag(name: .long, help: "Print JSON, one object per place found (session, title, place, excerpt), for scripts.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Only the best N places (the rest are not read).", valueName: "N"))
    var limit: Int?

    @Flag(name: .long, help: "Print only how many places were found (with --json, {\"count\": N}).")
    var count = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of places from 1 up, not \(limit)") }
        if count, limit != nil { throw ValidationError("--count counts every place found; leave out --limit") }
    }

    /// A place found, as `--json` prints it.
    struct Found: Encodable {
        var session: String
        var title: String
        var place: String
        var excerpt: String
    }

    func run() throws {
        let searched = SearchQuery(query)
        if let tooLong = searched.tooLong { throw ValidationError(tooLong) }
        if count {
            let (found, problems) = Archive(options: sessions).count(searched)
            for problem in problems { Output.warn(problem) }
            if json { try Output.printJSON(["count": found]) } else { try Output.print("\(found)") }
            // As grep -c: the number either way, and a status that says whether anything was found.
            if found == 0 { throw ExitCode(1) }
            return
        }
        let found: Int
        if json {
            let (hits, problems) = Archive(options: sessions).search(searched, limit: limit)
            for problem in problems { Output.warn(problem) }
            try Output.printJSON(hits.map { Found(session: $0.folder, title: $0.title, place: $0.place, excerpt: $0.excerpt) })
            found = hits.count
        } else {
            // Printed as the index reads them out: the best first, at once, the rest behind them.
            var lines = LineStream()
            var printed = 0
            let problems = try Archive(options: sessions).search(searched, limit: limit, writing: SearchLine.append) { line in
                try lines.add(line)
                printed += 1
            }
            try lines.flush()
            for problem in problems { Output.warn(problem) }
            found = printed
        }
        if found == 0 {
            let count = sessions.catalog.folders().count
            let shown = query.count > 80 ? query.prefix(80) + "…" : Substring(query)
            let instead = Archive(options: sessions).suggestion(for: searched).map { "; did you mean ‘\($0)’?" } ?? ""
            Output.warn("no matches for ‘\(shown)’ in \(count) session\(count == 1 ? "" : "s") in \(sessions.catalog.root.path)\(instead)")
            throw ExitCode(1)
        }
    }
}
