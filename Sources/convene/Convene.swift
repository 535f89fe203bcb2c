import ArgumentParser
import ConveneCore
import ConveneTUI
import Foundation

@main
struct Convene: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract: "Facilitate live discussion sessions and keep their record as Markdown notes.",
        discussion: """
            Sessions live in $CONVENE_HOME, else $XDG_DATA_HOME/convene, else ~/.local/share/convene; \
            every command takes --dir to use another folder. SESSION is a session folder's path, a \
            unique prefix of its name (2026-04-02), or words of its title.
            """,
        version: ConveneVersion.current,
        subcommands: [CatchUpNotes.self, CatchUpIndex.self, MergeJournal.self],
        // Every subcommand gives its commandName: a name derived from the type's name costs the
        // runtime a search of every protocol conformance at start, in every command.
        groupedSubcommands: [
            CommandGroup(name: "Live", subcommands: [Home.self, Run.self, Follow.self, Review.self, Access.self]),
            CommandGroup(name: "Scripting", subcommands: [New.self, Add.self, SetDetail.self, Undo.self, End.self, Check.self]),
            CommandGroup(name: "Reading", subcommands: [Show.self, Export.self, List.self, Search.self, Actions.self, Templates.self]),
            CommandGroup(name: "Sharing", subcommands: [Sync.self]),
        ],
        defaultSubcommand: Home.self
    )

    /// Runs the command as ArgumentParser would, but every message it prints (which may echo a
    /// session name, a path or an option's value) has its control characters made visible first.
    static func main() {
        NCursesTerminal.installCrashReport()
        do {
            try SubcommandSpelling.check(Array(CommandLine.arguments.dropFirst()), of: configuration)
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch let mistake as ValidationError {
                // A mistake found while running (`new` without a template, `set … end 25:99`) is
                // shown with that command's usage, not the top level's.
                let name = type(of: command)._commandName
                Output.report("Error: \(mistake.message)\nUsage: \(usageString(for: type(of: command)))\n"
                    + "  See 'convene \(name) --help' for more information.")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        } catch let interrupted as HelperProcess.Interrupted {
            // Its clean-up done, the program ends as the signal asked (143 after SIGTERM).
            signal(interrupted.signal, SIG_DFL)
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, interrupted.signal)
            pthread_sigmask(SIG_UNBLOCK, &only, nil)
            raise(interrupted.signal)
            Foundation.exit(128 + interrupted.signal)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure,
               let misspelt = SubcommandSpelling.misspeltOption(in: Array(CommandLine.arguments.dropFirst()), of: configuration) {
                Output.report("Error: " + misspelt)
                Foundation.exit(code.rawValue)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                // Help asked for is a result, not an error: standard output, as ArgumentParser does.
                if code == .success {
                    try? Output.print(message)
                } else {
                    Output.report(message)
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
