import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session's record (Markdown, HTML, PDF, DOCX) or its points (CSV) to standard output or a file.",
        discussion: """
            html, pdf and docx are the notes set as a briefing note by pandoc (Debian package pandoc; PDF also \
            needs weasyprint), with the context 2×2 drawn as a picture; the print stylesheet is briefing.css in \
            the template folders. csv writes one row per point: kind, theme, sub-theme, item, item title, text, \
            and the speaker only where the Chatham House Rule does not apply. The format also follows -o's \
            extension. PDF and DOCX go to a file (-o) or a pipe, never to a terminal. Under the Chatham House \
            Rule, export refuses while `convene check` has findings that no one has acknowledged, and lists \
            them; --force writes anyway.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, html, pdf, docx

        /// Made by pandoc, from the notes.
        var printed: PandocExport.Target? { PandocExport.Target(rawValue: rawValue) }

        /// The format a file name's extension names, in any case: the formats' own, and the other
        /// spellings people use (`.htm`, `.markdown`).
        init?(extension name: String) {
            let lowered = name.lowercased()
            switch lowered {
            case "htm": self = .html
            case "markdown": self = .md
            default: self.init(rawValue: lowered)
            }
        }
    }

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var target: SessionArgument

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "md: the notes; html, pdf, docx: the notes as a briefing note; csv: the points, for a spreadsheet. Default: from -o's extension, else the config file's, else md.")
    var format: Format?

    @Flag(name: .long, help: "Write even though the disclosure check has unacknowledged findings.")
    var force = false

    /// The format asked for, else the one -o's extension names, else the config file's, else Markdown.
    func chosenFormat(configured: Format?) -> Format {
        format ?? output.flatMap { Format(extension: URL(fileURLWithPath: $0).pathExtension) } ?? configured ?? .md
    }

    @OptionGroup var pager: PagerOption

    func run() throws {
        let folder = try target.folder(in: sessions)
        let loaded = try folder.load()
        for warning in loaded.warnings { Output.warn(warning) }
        let session = loaded.log.session
        let format = chosenFormat(configured: try sessions.configuration().exportFormat)
        // Markdown and CSV are written from the session alone: made on the other core while the
        // disclosure check runs, and dropped if the check refuses.
        let written: Prefetched<Data>?
        switch format {
        case .md:
            // The notes as the session keeps them, when this program wrote them, from this template,
            // after the journal's last change: a long session's are read, not rendered again.
            if let current = folder.currentNotes(alsoAfter: NotesProvenance.makers(sessions.templates), asWritten: true) {
                written = Prefetched(ready: Data(current.utf8))
            } else {
                let renderer = try sessions.templates.notesRenderer()
                written = Prefetched { Data(renderer.render(session).utf8) }
            }
        case .csv:
            written = Prefetched { Data(PointsCSV.render(session).utf8) }
        case .html, .pdf, .docx:
            written = nil
        }
        if session.isAnyPartUnderRule {
            let findings = DisclosureCheck.unacknowledged(in: session)
            if !findings.isEmpty {
                for finding in findings { Output.warn(finding.description) }
                if !force {
                    Output.warn("""
                        not exported: \(Counted.phrase(findings.count, "place")) may tie a point to a person or organisation. \
                        Fix them, acknowledge them with `convene check \(folder.name) --acknowledge KEY`, or use --force
                        """)
                    throw ExitCode(1)
                }
            }
        }
        let environment = ProcessEnvironment.current
        let standardOutput = PlainOutput.standardOutput(environment: environment)
        if let printed = format.printed, printed != .html, output == nil, standardOutput.isTerminal {
            throw CommandFailure("\(printed.name) is not for a terminal: give a file with -o \(folder.name).\(printed.rawValue), or redirect standard output")
        }
        let content: Data = if let written {
            written.value
        } else {
            try PandocExport(target: format.printed ?? .html, stylesheet: try sessions.templates.printStylesheet(),
                             title: session.details.title, environment: environment)
                .render(PrintableNotes(session: session, renderer: try sessions.templates.notesRenderer()))
        }
        if let output {
            // Checked here so the message names the folder as typed, not a temporary file in it.
            let url = URL(fileURLWithPath: output)
            let typedParent = (output as NSString).deletingLastPathComponent
            let parent = typedParent.isEmpty ? "." : typedParent
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isFolder) else {
                throw CommandFailure("no folder \(parent) to write \(url.lastPathComponent) into; create it first (mkdir -p \(parent))")
            }
            guard isFolder.boolValue else { throw CommandFailure("\(parent) is a file, not a folder; give -o a path in a folder") }
            try AtomicFile.write(content, to: url)
            Output.warn("wrote \(output)")
        } else if format.printed == nil || format == .html, let text = String(data: content, encoding: .utf8) {
            try pager.write(text, lines: text.utf8.count { $0 == 0x0A } + 1,
                            to: standardOutput, environment: environment)
        } else {
            try writeAll(content, toDescriptor: STDOUT_FILENO, name: "standard output")
        }
    }
}
