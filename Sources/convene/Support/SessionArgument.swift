import ArgumentParser
import ConveneCore
import ConveneStore

/// The session a command works on, named as a person would: its folder's path, a unique prefix
/// of its folder's name, or words of its title. One argument, resolved one way, in every command.
struct SessionArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The session: its folder's path, a unique prefix of its name (2026-04-02), or words of its title.",
                                 valueName: "session"), completion: ShellCompletion.sessions)
    var session: String

    /// The folder named. When words of the title chose it, says which session was taken.
    func folder(in options: SessionsOptions) throws -> SessionFolder {
        try Self.folder(named: session, in: options)
    }

    /// The folder `session` names, as every command's SESSION does (`show`'s file-or-session too).
    static func folder(named session: String, in options: SessionsOptions) throws -> SessionFolder {
        let folder = try options.catalog.resolve(session)
        if !session.contains("/"), !folder.name.hasPrefix(session) {
            Output.warn("taking \(folder.shownName) (its title matches ‘\(session)’)")
        }
        return folder
    }
}
