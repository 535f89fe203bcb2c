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
