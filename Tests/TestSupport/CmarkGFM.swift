import Foundation
import Testing

/// GitHub's own Markdown parser as a command, to read the notes back as GitHub would.
public enum CmarkGFM {
    /// The installed command, or nil. Under CI its absence is recorded as a failure: the structure
    /// checks would otherwise pass without checking anything.
    public static func located() -> URL? {
        let found = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        if found == nil {
            let message = "cmark-gfm is not installed (apt-get install cmark-gfm): notes structure not checked"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) }
            print("SKIPPED: \(message)")
        }
        return found
    }

    /// `markdown` rendered by cmark-gfm with GitHub's extensions; `format` is html or xml.
    public static func render(_ markdown: String, format: String = "html", with cmark: URL) throws -> String {
        let process = Process()
        process.executableURL = cmark
        process.arguments = ["-t", format, "--extension", "table", "--extension", "strikethrough", "--extension", "autolink",
                             "--extension", "tagfilter"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
