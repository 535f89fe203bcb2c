import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a session's Markdown notes to standard output or a file.",
        discussion: """
            Under the Chatham House Rule, export refuses while `convene check` has findings that no one \
            has acknowledged, and lists them; --force writes anyway.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "The session: folder path or unique prefix of its name.")
    var session: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Write even though the disclosure check has unacknowledged findings.")
    var force = false

    func run() throws {
        let folder = try sessions.catalog.resolve(session)
        let loaded = try folder.load()
        for warning in loaded.warnings { Output.warn(warning) }
        let session = loaded.log.session
        if session.isAnyPartUnderRule {
            let findings = DisclosureCheck.unacknowledged(in: session)
            if !findings.isEmpty {
                for finding in findings { Output.warn(finding.description) }
                if !force {
                    Output.warn("""
                        not exported: \(findings.count) place(s) may tie a point to a person or organisation. \
                        Fix them, acknowledge them with `convene check \(folder.name) --acknowledge KEY`, or use --force
                        """)
                    throw ExitCode(1)
                }
            }
        }
        let markdown = try sessions.templates.notesRenderer().render(session)
        if let output {
            try AtomicFile.write(markdown, to: URL(fileURLWithPath: output))
            Output.warn("wrote \(output)")
        } else {
            try Output.standardOutput(markdown)
        }
    }
}
