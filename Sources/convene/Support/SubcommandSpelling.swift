import ArgumentParser

/// Catches a misspelt command before the default command (home) takes it as an argument of its
/// own: `convene nwe --template …` would otherwise say "Unknown option '--template'" with home's
/// usage. Also `convene help nonsense`, which ArgumentParser answers with the top-level help.
enum SubcommandSpelling {
    static func check(_ arguments: [String], of configuration: CommandConfiguration) throws {
        let names = configuration.subcommands.map { $0._commandName }
        var words = arguments
        let askingHelp = words.first == "help"
        if askingHelp { words.removeFirst() }
        // An option first (or nothing) is for the default command, which takes no words of its own.
        guard let word = words.first, !word.hasPrefix("-"), !names.contains(word) else { return }
        let suggestion = names.map { ($0, $0.distance(to: word)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
        let hint = suggestion.map { " Did you mean '\($0)'?" } ?? " `convene --help` lists them."
        throw ValidationError("'\(word)' is not a convene command.\(hint)")
    }

    /// A misspelt long option of the command named first in `arguments` (`new --titel x`), with
    /// the option meant, for a command line that did not parse: ArgumentParser would say a required
    /// option is missing instead. Asked only once parsing has failed, so no command pays for it.
    static func misspeltOption(in arguments: [String], of configuration: CommandConfiguration) -> String? {
        let commands = configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)
        guard let name = arguments.first, let command = commands.first(where: { $0._commandName == name }) else { return nil }
        // The options as the command's own help lists them.
        let help = Convene.helpMessage(for: command)
        let known = Set(help.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).filter { $0.hasPrefix("--") }.map(String.init))
        for argument in arguments.dropFirst() where argument.hasPrefix("--") {
            let option = String(argument.prefix { $0 != "=" })
            guard option != "--", !known.contains(option) else { continue }
            let meant = known.map { ($0, $0.distance(to: option)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
            return "Unknown option '\(option)' for convene \(name)." + (meant.map { " Did you mean '\($0)'?" } ?? " `convene \(name) --help` lists them.")
        }
        return nil
    }
}

extension String {
    /// How many single-character insertions, deletions or substitutions turn one into the other.
    func distance(to other: String) -> Int {
        let source = Array(self), target = Array(other)
        guard !source.isEmpty else { return target.count }
        var previous = Array(0...target.count)
        for (i, character) in source.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: target.count)
            for (j, other) in target.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (character == other ? 0 : 1))
            }
            previous = current
        }
        return previous[target.count]
    }
}
