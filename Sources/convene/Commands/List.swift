import ArgumentParser
import ConveneStore
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List saved sessions, newest first.")

    @OptionGroup var sessions: SessionsOptions

    @Flag(name: .long, help: "Print JSON, one object per session, for scripts.")
    var json = false

    func run() throws {
        let (loaded, problems) = sessions.catalog.load()
        for problem in problems { Output.warn(problem.description) }
        let summaries = loaded.map { SessionSummary(folder: $0.folder, session: $0.session) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Output.print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
            return
        }
        if summaries.isEmpty {
            try Output.print("no sessions yet in \(sessions.location.sessions.path); start one with `convene new`")
            return
        }
        for summary in summaries {
            let rule = summary.chathamHouse ? " [Chatham House]" : ""
            try Output.print("\(summary.folder)  \(summary.kind)  \(summary.title)\(rule)  "
                + "\(summary.attendees) attendees, \(summary.points) points, \(summary.topics) topics, \(summary.contexts) contexts")
        }
    }
}
