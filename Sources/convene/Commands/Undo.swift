import ArgumentParser
import ConveneStore

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the newest change to a session.",
        discussion: "The journal keeps the change and its undoing; nothing is erased."
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @OptionGroup var target: SessionArgument

    func run() throws {
        let folder = try target.folder(in: sessions)
        let record = try editing(folder, options: sessions, wait: lock.duration) { writer in
            try writer.undo(at: .nowToTheSecond)
        }
        try Output.print("undid change \(record.undoes.map(String.init) ?? "?")")
    }
}
