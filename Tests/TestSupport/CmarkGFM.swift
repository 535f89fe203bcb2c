import Foundation
import Testing

/// GitHub's own Markdown parser as a command, to read the notes back as GitHub would.
public enum CmarkGFM {
    /// The installed command, or nil (a failure under CI, see `InstalledTool`).
    public static func located() -> URL? {
        InstalledTool.located("cmark-gfm", package: "cmark-gfm", checking: "notes structure")
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
