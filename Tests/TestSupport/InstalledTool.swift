import Foundation
import Testing

/// A program the tests read results back with (cmark-gfm, pandoc, pdftotext), where Debian installs
/// it. Under CI its absence is recorded as a failure: the checks that need it would otherwise pass
/// without checking anything. Elsewhere the test says so and skips them.
public enum InstalledTool {
    public static func located(_ name: String, package: String, checking what: String) -> URL? {
        let found = ["/usr/bin", "/usr/local/bin"].map { URL(fileURLWithPath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        if found == nil {
            let message = "\(name) is not installed (apt-get install \(package)): \(what) not checked"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) }
            print("SKIPPED: \(message)")
        }
        return found
    }

    /// The program's standard output; a test failure when it exits with an error.
    public static func run(_ program: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(program.lastPathComponent) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
