import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved sessions, newest first.")

    @OptionGroup var sessions: SessionsOptions

    @Flag(name: .long, help: "Print JSON, one object per session, for scripts.")
    var json = false

    func run() throws {
        if let notice = AutoSync.start(.showing, options: sessions) { Output.warn(notice) }
        let (summaries, problems) = Archive(options: sessions).summaries()
        for problem in problems { Output.warn(problem) }
        if json { return try Output.printJSON(summaries) }
        if summaries.isEmpty {
            try Output.print("no sessions yet in \(sessions.location.sessions.path); start one with `convene new`")
            return
        }
        let output = PlainOutput.standardOutput(environment: ProcessEnvironment.current)
        try Output.print(lines: SessionTable(summaries: summaries).lines(width: output.isTerminal ? output.width : nil))
    }
}
