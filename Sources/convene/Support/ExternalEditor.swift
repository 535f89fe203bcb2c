import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, given the text in a scratch file.
struct ExternalEditor {
    var command: [String]

    init(environment: [String: String]) {
        let configured = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // "code --wait" and the like: the first word is the program, the rest its options.
        command = configured.split(separator: " ").map(String.init)
        if command.isEmpty { command = ["vi"] }
    }

    /// The editor as people call it: "vim", not "/usr/bin/vim".
    var name: String { ChildProgram.name(of: command) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the editor on this terminal (`ChildProgram`), waits for it, and returns the
    /// file's text.
    func edit(_ text: String) throws -> String {
        let scratch = try ScratchFile(text: text)
        defer { scratch.remove() }
        let status = try ChildProgram.run(command + [scratch.url.path])
        let low = status & 0x7F
        if low == 0 {
            let code = (status >> 8) & 0xFF
            guard code == 0 else { throw Failure(description: "\(name) exited with status \(code); the text is as it was") }
            return try scratch.read()
        }
        throw Failure(description: "\(name) was stopped by signal \(low); the text is as it was")
    }
}
