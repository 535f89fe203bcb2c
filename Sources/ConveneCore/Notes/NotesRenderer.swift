import Mustache

/// Renders a session's Markdown notes through a Mustache template.
///
/// The template is parsed in pieces of whole lines, cut where no section is open, and the pieces
/// rendered one after the other: the same text as the whole. swift-mustache's parser measures the
/// rest of the template (in characters) at every tag, so parsing the whole grows with tags × length;
/// in pieces of `pieceSize` bytes it grows with the tags alone.
public struct NotesRenderer: Sendable {
    private let pieces: [MustacheTemplate]

    /// Bytes a piece gathers before it may end.
    static let pieceSize = 256

    /// - Parameters:
    ///   - source: the template's text.
    ///   - file: how to name the template in an error.
    public init(source: String, file: String) throws(TemplateError) {
        try self.init(source: source, file: file, pieceSize: Self.pieceSize)
    }

    /// `pieceSize`: `.max` parses the template whole.
    init(source: String, file: String, pieceSize: Int) throws(TemplateError) {
        let topLevel = try MustacheSourceCheck.check(source, file: file)
        var pieces: [MustacheTemplate] = []
        var start = MustacheSourceCheck.TopLevelLine(offset: 0, line: 1)
        let bytes = source.utf8
        for cut in topLevel + [MustacheSourceCheck.TopLevelLine(offset: bytes.count, line: 0)]
        where cut.offset - start.offset >= pieceSize || cut.offset == bytes.count {
            let text = String(decoding: bytes.dropFirst(start.offset).prefix(cut.offset - start.offset), as: UTF8.self)
            pieces.append(try Self.parse(text, firstLine: start.line, file: file))
            start = cut
        }
        self.pieces = pieces
    }

    /// One piece, its first line being line `firstLine` of the template.
    private static func parse(_ piece: String, firstLine: Int, file: String) throws(TemplateError) -> MustacheTemplate {
        // Values reach the template already escaped for Markdown; Mustache's default HTML escaping
        // would mangle them. The pragma stands on a line of its own, which Mustache leaves out of
        // the text, so the piece's first line reads as it does in the whole template.
        let pragma = "{{%CONTENT_TYPE:TEXT}}\n"
        do {
            return try MustacheTemplate(string: pragma + piece)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: firstLine + max(0, error.context.lineNumber - 2), column: error.context.columnNumber,
                                problem: "Mustache: \(Self.describe(error.error))")
        } catch {
            throw TemplateError(file: file, problem: "Mustache: \(error)")
        }
    }

    /// The notes of `session`; `chart` says what the template's `{{contextChart}}` is (Mermaid
    /// for `notes.md`, a picture for a printed record).
    public func render(_ session: Session, chart: NotesChart = .mermaid) -> String {
        let view = NotesView(session: session, chart: chart)
        // Pieces stand alone (none opens a section another closes), so they are rendered on every
        // core, each taken up as a core comes free: the sections that list points (discussion,
        // agreement, questions, actions…) are each a piece of their own.
        let pieces = pieces
        let rendered = ParallelChunks.map(pieces.indices, chunks: pieces.count) { part in part.map { pieces[$0].render(view) } }
        return Self.tidy(rendered.joined())
    }

    /// Collapses the runs of blank lines that empty sections leave, and ends with one newline.
    /// Read as bytes: a line is blank when it holds only spaces and tabs (or other white space,
    /// which is looked at as characters on the rare line that holds any beyond ASCII).
    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count + 1)
            // How much of `kept` ends with its last line that is not blank: trailing blank lines go.
            var written = 0
            var blank = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                blank = isBlank(line) ? blank + 1 : 0
                if blank <= 1 {
                    kept.append(contentsOf: line)
                    kept.append(0x0A)
                    if blank == 0 { written = kept.count }
                }
                start = end + 1
            }
            return written == 0 ? "\n" : String(decoding: kept[..<written], as: UTF8.self)
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
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
