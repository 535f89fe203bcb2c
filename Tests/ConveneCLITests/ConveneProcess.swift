import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `convene` binary, as a person or script would, in its own sessions folder.
struct ConveneProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output as written, before any repair of what is not UTF-8.
        var stdoutBytes = Data()
    }

    let home: URL
    let sessions: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("convene-cli-\(UUID().uuidString)", isDirectory: true)
        sessions = home.appendingPathComponent("sessions", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home)
    }

    /// The binary built beside this test runner (`swift test` builds both into the same folder).
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["CONVENE_BIN"] { return URL(fileURLWithPath: explicit) }
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("convene").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("convene")
    }

    /// A new session in the sessions folder, as `convene new` makes it; its folder's name. A test
    /// that cannot make one stops there, saying why.
    func newSession(template: String = "roundtable", title: String = "Faults", date: String = "2026-05-01") throws -> String {
        URL(fileURLWithPath: try newSessionFolder(template: template, title: title, date: date)).lastPathComponent
    }

    /// A new session, as `newSession`; the path `convene new` prints.
    func newSessionFolder(template: String = "roundtable", title: String = "Learning and accountability",
                          date: String = "2026-04-02") throws -> String {
        let created = try run(["new", "--template", template, "--title", title, "--date", date])
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The notes.md of the session a prefix names, as Convene wrote it.
    func notes(of session: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasPrefix(session) }
        try #require(names.count == 1, "\(names)")
        return try String(contentsOf: sessions.appendingPathComponent(names[0]).appendingPathComponent("notes.md"), encoding: .utf8)
    }

    /// - Parameters:
    ///   - binary: another copy of convene to run (e.g. an installed one).
    ///   - useDefaults: leave out CONVENE_HOME and the XDG folders, as on a machine with no configuration.
    ///   - extra: more environment, e.g. a fault to inject.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, binary: URL? = nil, useDefaults: Bool = false,
             environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary ?? Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["CONVENE_HOME", "CONVENE_TEMPLATES", "XDG_DATA_HOME", "XDG_CONFIG_HOME"] { environment[name] = nil }
        environment["HOME"] = home.path
        if !useDefaults {
            environment["CONVENE_HOME"] = sessions.path
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }
}

/// Writes a program (an editor stand-in, an installed binary) through a descriptor no child process
/// can inherit. Tests running alongside start processes all the time; one that inherits the file open
/// for writing makes running it fail with ETXTBSY ("Text file busy").
func writeExecutable(_ data: Data, to url: URL) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(fd) }
    let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == data.count else { throw CocoaError(.fileWriteUnknown) }
}
