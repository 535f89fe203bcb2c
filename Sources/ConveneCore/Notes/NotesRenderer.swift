import Mustache

/// Renders a session's Markdown notes through a Mustache template.
public struct NotesRenderer: Sendable {
    private let template: MustacheTemplate

    /// - Parameters:
    ///   - source: the template's text.
    ///   - file: how to name the template in an error.
    public init(source: String, file: String) throws(TemplateError) {
        // Values reach the template already escaped for Markdown; Mustache's default HTML escaping
        // would mangle them. The pragma goes on the first line without a newline, so line numbers in
        // errors stay the file's own.
        let pragma = "{{%CONTENT_TYPE:TEXT}}"
        try MustacheSourceCheck.check(source, file: file)
        do {
            template = try MustacheTemplate(string: pragma + source)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
            throw TemplateError(file: file, line: line, column: column, problem: "Mustache: \(Self.describe(error.error))")
        } catch {
            throw TemplateError(file: file, problem: "Mustache: \(error)")
        }
    }

    public func render(_ session: Session) -> String {
        let text = template.render(NotesView(session: session))
        return Self.tidy(text)
    }

    /// Collapses the runs of blank lines that empty sections leave, and ends with one newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            blank = line.allSatisfy(\.isWhitespace) ? blank + 1 : 0
            if blank <= 1 { lines.append(line) }
        }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}
