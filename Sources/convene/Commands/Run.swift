import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a session live in the terminal.",
        discussion: "Press ? in the session for every key. Every change is saved as it is made; q quits."
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    func run() throws {
        let folder = try target.folder(in: sessions)
        let renderer = try sessions.templates.notesRenderer()
        let writer = try SessionWriter.open(folder)
        defer { writer.close() }
        for warning in writer.warnings { Output.warn(warning) }
        try onScreen("convene run", otherwise: "use `convene add` in scripts", options: sessions) { terminal, signals in
            let live = StoreBackend(writer: writer, renderer: renderer, signals: signals).liveScene(on: terminal)
            Program(terminal: terminal, root: live).run(shouldStop: signals.shouldStop)
        }
    }
}
