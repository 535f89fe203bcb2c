import ArgumentParser
import ConveneStore

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo the newest change to a session.",
        discussion: "The journal keeps the change and its undoing; nothing is erased."
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @Argument(help: "The session: folder path or unique prefix of its name.")
    var session: String

    func run() throws {
        let folder = try sessions.catalog.resolve(session)
        let record = try editing(folder, options: sessions, wait: lock.duration) { writer in
            try writer.undo(at: .nowToTheSecond)
        }
        try Output.print("undid change \(record.undoes.map(String.init) ?? "?")")
    }
}
