import ConveneCore
import Foundation

/// Turns printable notes into a record for people who never open a terminal, through pandoc: HTML
/// with the print stylesheet inside it, PDF from that HTML through WeasyPrint, or DOCX with the 2×2
/// as an embedded picture. pandoc works in a private temporary folder that is removed afterwards;
/// what it prints goes to a file there and is shown only when it fails.
struct PandocExport {
    enum Target: String {
        case html, pdf, docx

        var name: String { rawValue.uppercased() }
    }

    var target: Target
    /// The print stylesheet (HTML and PDF).
    var stylesheet: String
    /// The session's title, for the HTML `<title>` (the document's own heading shows it).
    var title: String
    var environment: [String: String]

    static let chartFile = "context-chart.svg"

    /// The record's bytes.
    func render(_ notes: PrintableNotes) throws -> Data {
        let pandoc = try Self.tool("pandoc", for: target, environment: environment)
        let engine = target == .pdf ? try Self.tool("weasyprint", for: target, environment: environment) : nil

        let folder = try TemporaryFolder(prefix: "convene-export")
        defer { folder.remove() }
        let input = folder.file("notes.md"), output = folder.file("record.\(target.rawValue)")
        let metadata = folder.file("metadata.json"), messages = folder.file("pandoc.log")
        let placement: PrintableNotes.ChartPlacement = target == .docx ? .image(file: Self.chartFile) : .inline
        try folder.write(notes.markdown(placing: placement), to: input)
        if target == .docx, let chart = notes.chart { try folder.write(chart, to: folder.file(Self.chartFile)) }
        // The title goes into the page by the template (escaped there), not as metadata: pandoc reads
        // metadata as Markdown, raw HTML and all, and a title holding `</title><script>` must stay text.
        let fields = ["lang": "en"]
        try folder.write(String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self), to: metadata)

        var arguments = [
            "--from", "gfm+implicit_figures", "--standalone", "--metadata-file", metadata.path,
            "--resource-path", folder.url.path, "--output", output.path,
        ]
        switch target {
        case .html, .pdf:
            let template = folder.file("record.html")
            try folder.write(Self.htmlTemplate(title: title, stylesheet: stylesheet), to: template)
            arguments += ["--to", "html5", "--template", template.path]
            if let engine { arguments += ["--pdf-engine", engine] }
        case .docx:
            arguments += ["--to", "docx"]
        }
        arguments.append(input.path)

        let status = try Self.run(pandoc, arguments, messages: messages, environment: environment)
        guard status == 0, let data = FileManager.default.contents(atPath: output.path), !data.isEmpty else {
            let log = (try? String(contentsOf: messages, encoding: .utf8)) ?? ""
            let said = log.split(separator: "\n").suffix(8).joined(separator: "\n")
            throw CommandFailure("pandoc could not make the \(target.name) (exit status \(status))\(said.isEmpty ? "" : ":\n" + said)")
        }
        return data
    }

    /// The page around the notes: pandoc's own has CSS of its own that would fight the stylesheet
    /// (and its switch to leave that out differs between versions). `$` is pandoc's template
    /// marker, so a `$` in the title or the stylesheet is written `$$`.
    static func htmlTemplate(title: String, stylesheet: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="$lang$">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="Convene, through pandoc">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escaped(title).replacingOccurrences(of: "$", with: "$$"))</title>
        <style>
        \(stylesheet.replacingOccurrences(of: "$", with: "$$"))
        </style>
        </head>
        <body>
        $body$
        </body>
        </html>

        """
    }

    /// The path of a program on `PATH`, or an error that names the Debian package to install.
    static func tool(_ name: String, for target: Target, environment: [String: String]) throws -> String {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        let packages = target == .pdf ? "pandoc weasyprint" : "pandoc"
        let role = name == "pandoc" ? "pandoc" : "the PDF engine \(name)"
        throw CommandFailure("""
            --format \(target.rawValue) needs \(role), which is not installed here (not on PATH). \
            Install the Debian package\(target == .pdf ? "s" : "") \(packages): sudo apt-get install \(packages)
            """)
    }

    /// Runs `program` with nothing on its standard input and its output in `messages`; its exit
    /// status. Ended with Convene (`HelperProcess`).
    private static func run(_ program: String, _ arguments: [String], messages: URL, environment: [String: String]) throws -> Int32 {
        let log = open(messages.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard log >= 0 else { throw CommandFailure("could not create \(messages.path): \(String(cString: strerror(errno)))") }
        defer { close(log) }
        return try HelperProcess.run(program, arguments, environment: environment, output: log)
    }
}
