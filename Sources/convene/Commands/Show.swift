import ArgumentParser
import ConveneTUI
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a Markdown notes file for reading in the terminal.",
        discussion: """
            Any Markdown file, with or without its session folder (one edited by hand or received by email). \
            Styled on a terminal and paged through $PAGER (default `less -R`) when longer than it; plain \
            when piped, wrapped to the terminal's width, so `convene show notes.md | less` works.
            """
    )

    @Argument(help: "The Markdown file.")
    var file: String

    @Option(name: .long, help: "Lay out for this many columns instead of the terminal's width.")
    var width: Int?

    @OptionGroup var colour: ColorOption

    @OptionGroup var pager: PagerOption

    func run() throws {
        let text = try readTextFile(file)
        let environment = ProcessInfo.processInfo.environment
        let output = PlainOutput.standardOutput(environment: environment)
        let lines = MarkdownLayout(width: width ?? output.width).lines(parsing: text)
        let rendered = ANSIText.render(lines, styled: colour.styled(output, environment: environment),
                                       colour: colour.coloured(environment: environment))
        LeftToExit.keep(lines)
        try pager.write(rendered, lines: lines.count, to: output, environment: environment)
    }
}
