import ConveneStore
import Foundation

/// The user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, given the text in a scratch file.
struct ExternalEditor {
    var command: [String]

    init(environment: [String: String]) {
        let configured = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // "code --wait" and the like: the first word is the program, the rest its options.
        command = configured.split(separator: " ").map(String.init)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func edit(_ text: String) throws -> String {
        let scratch = try ScratchFile(text: text)
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + [scratch.url.path]
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start the editor ‘\(command.joined(separator: " "))’: \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the editor ‘\(command.joined(separator: " "))’ exited with status \(process.terminationStatus); the text is as it was")
        }
        return try scratch.read()
    }
}
