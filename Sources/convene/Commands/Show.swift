import ArgumentParser
import ConveneCore
import ConveneTUI
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a Markdown notes file, or a session's notes, for reading in the terminal.",
        discussion: """
            Any Markdown file, with or without its session folder (one edited by hand or received by email), \
            or a session of the sessions folder (as every command names one), whose notes are shown. Styled on a terminal and paged through $PAGER (default `less -R`) when longer than it; plain \
            when piped, wrapped to the terminal's width, so `convene show notes.md | less` works.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: ArgumentHelp("The Markdown file, or a session (its folder, a prefix of its name, or words of its title).",
                                 valueName: "file-or-session"), completion: ShellCompletion.sessionOrMarkdown)
    var file: String

    @Option(name: .long, help: "Lay out for this many columns instead of the terminal's width.")
    var width: Int?

    @OptionGroup var colour: ColorOption

    @OptionGroup var pager: PagerOption

    func run() throws {
        let (text, warnings) = try markdown()
        let environment = ProcessEnvironment.current
        let output = PlainOutput.standardOutput(environment: environment)
        let layout = MarkdownLayout(width: width ?? output.width)
        let (styled, coloured) = (colour.styled(output, environment: environment), colour.coloured(environment: environment))
        // Laid out, styled and written a run of lines at a time: a long record's first screen is
        // in the pager while the rest is parsed, and the record is never held laid out whole.
        try pager.stream(to: output, environment: environment) { write in
            var failure: (any Error)?
            var written = false
            layout.eachLines(parsing: text) { lines in
                written = true
                do {
                    return try write(ANSIText.render(lines, styled: styled, colour: coloured), lines.count)
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            // An empty document is one empty line, as the whole rendered at once is.
            if !written { _ = try write(ANSIText.render([], styled: styled, colour: coloured), 1) }
        }
        for warning in warnings?.value ?? [] { Output.warn(warning) }
    }

    /// The file's text; else, when no such file exists, the notes of the session it names, with
    /// what loading the session would warn about.
    private func markdown() throws -> (String, Prefetched<[String]>?) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue { return (try readTextFile(file), nil) }
        guard let folder = try? SessionArgument.folder(named: file, in: sessions) else { return (try readTextFile(file), nil) }
        // Current notes are shown without loading the session; what loading would find (a torn
        // last line dropped) is said once they are out.
        let read = try StoreReview.notesToPrint(of: folder, options: sessions)
        return (read.notes, read.warnings)
    }
}
