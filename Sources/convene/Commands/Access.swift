import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Print the authorized_keys line that lets a person into a live session over SSH, and nothing else.",
        discussion: """
            Add the line to ~/.ssh/authorized_keys of the account that runs the session. Whoever logs in with that key \
            gets `convene run SESSION --as NAME --role ROLE` in their terminal, joined to the live session, whatever \
            command they asked for: OpenSSH runs the forced command, and `restrict` takes away port and agent forwarding \
            and the rest (`pty` gives the terminal back). The host checks the role on every change they make.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    @Option(name: .customLong("as"), help: ArgumentHelp("The person's name in the session.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("facilitator, note-taker, participant or viewer.", valueName: "role"))
    var role: LiveRole = .participant

    @Option(help: ArgumentHelp(
        "The person's public key: a file such as id_ed25519.pub, or - to read it from standard input. "
            + "Without it the line ends in KEY, to replace with theirs.",
        valueName: "file"))
    var key: String?

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 64 || name.contains(where: \.isNewline) {
            throw ValidationError("--as takes a name of 1 to 64 characters on one line")
        }
    }

    func run() throws {
        let folder = try target.folder(in: sessions)
        let publicKey = try key.map(Self.readKey) ?? "KEY"
        let line = ForcedCommand(binary: Self.binary, sessions: sessions.location.sessions.path, session: folder.name,
                                 name: name.trimmingCharacters(in: .whitespaces), role: role).authorizedKeysLine(key: publicKey)
        try Output.print(line)
        if key == nil { Output.warn("replace KEY at the end with the person's public key (one line of their id_ed25519.pub)") }
    }

    /// This program, by a path that does not depend on the SSH login's PATH.
    static var binary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func readKey(_ source: String) throws -> String {
        let text: String
        if source == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            do {
                text = try String(contentsOfFile: source, encoding: .utf8)
            } catch {
                throw CommandFailure("\(source) cannot be read: \(error.localizedDescription)")
            }
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 1, let key = lines.first, key.split(separator: " ").count >= 2, key.hasPrefix("ssh-") || key.hasPrefix("ecdsa-")
                || key.hasPrefix("sk-") else {
            throw CommandFailure("\(source) is not one public key (expected one line such as ‘ssh-ed25519 AAAA… name@laptop’)")
        }
        return key
    }
}

/// The command OpenSSH runs for a key confined to one live session (the gitolite pattern): the
/// person can do nothing with the key but join the session as who the line says, in the role it says.
struct ForcedCommand {
    var binary: String
    var sessions: String
    var session: String
    var name: String
    var role: LiveRole

    /// The command, quoted for the login shell that OpenSSH runs it with.
    var command: String {
        [binary, "run", "--dir", sessions, session, "--as", name, "--role", role.rawValue].map(Self.shellQuoted).joined(separator: " ")
    }

    /// One line of `authorized_keys`: the command, no forwarding of any kind, a terminal, and the key.
    /// sshd reads `\"` in the command as `"` and every other character as it is; the shell
    /// quoting puts a backslash only before a single quote, so nothing else needs escaping.
    func authorizedKeysLine(key: String) -> String {
        let escaped = command.replacingOccurrences(of: "\"", with: "\\\"")
        return "command=\"\(escaped)\",restrict,pty \(key)"
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || "-_./:=@".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
