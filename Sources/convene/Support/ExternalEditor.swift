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

    /// The editor as people call it: "vim", not "/usr/bin/vim".
    var name: String { URL(fileURLWithPath: command.first ?? "vi").lastPathComponent }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the editor on this terminal, waits for it, and returns the file's text. The signals the
    /// live screen turns into events are handled (not ignored) by Dispatch, so the editor starts with
    /// their default actions: Ctrl-C or a hang-up stops it.
    func edit(_ text: String) throws -> String {
        let scratch = try ScratchFile(text: text)
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + [scratch.url.path]
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start \(name): \(error)")
        }
        process.waitUntilExit()
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            return try scratch.read()
        case (.uncaughtSignal, let signal):
            throw Failure(description: "\(name) was stopped by signal \(signal); the text is as it was")
        case (_, let status):
            throw Failure(description: "\(name) exited with status \(status); the text is as it was")
        }
    }
}
