@testable import ConveneCore
import Foundation
import Testing

/// The notes template is parsed in pieces (swift-mustache's parse grows with tags × length): the
/// notes must read exactly as the template parsed whole gives them, and a template's errors must
/// be named at the same place.
@Suite("Notes template in pieces")
struct NotesTemplatePiecesTests {
    private static var builtIn: String {
        get throws { try String(contentsOf: Fixtures.templatesFolder.appendingPathComponent("notes.mustache"), encoding: .utf8) }
    }

    @Test("the built-in template in pieces gives the notes of the template whole, at any piece size", arguments: [1, 64, 256, 4096])
    func sameNotes(pieceSize: Int) throws {
        let source = try Self.builtIn
        let whole = try NotesRenderer(source: source, file: "notes.mustache", pieceSize: .max)
        let pieces = try NotesRenderer(source: source, file: "notes.mustache", pieceSize: pieceSize)
        for session in [Fixtures.roundtable(), Fixtures.created(), Fixtures.created(chathamHouse: false)] {
            #expect(pieces.render(session) == whole.render(session))
        }
        // Cut at every top-level line, the template really is in pieces.
        #expect(try MustacheSourceCheck.check(source, file: "notes.mustache").count > 20)
    }

    @Test("standalone tags at the start of a piece, comments across lines and custom delimiters read as in the whole")
    func edges() throws {
        let source = """
            # {{title}}
            {{#agenda}}
            - {{title}}
            {{/agenda}}
            {{! a comment
            over two lines }}
            {{^agenda}}
            No agenda.
            {{/agenda}}
              {{#agenda}}
              indented {{number}}
              {{/agenda}}
            {{=<% %>=}}
            <%title%> with its own delimiters
            {{title}} stays as typed

            """
        let whole = try NotesRenderer(source: source, file: "edges.mustache", pieceSize: .max)
        let pieces = try NotesRenderer(source: source, file: "edges.mustache", pieceSize: 1)
        for session in [Fixtures.roundtable(), Fixtures.created()] {
            #expect(pieces.render(session) == whole.render(session))
        }
    }

    @Test("an error Mustache finds far down the template is named at its own line and column, in pieces as whole")
    func errorPlace() throws {
        let source = String(repeating: "Some text of the template, {{title}}.\n", count: 40) + "Then {{#a b}}x{{/a b}}\n"
        var errors: [TemplateError] = []
        for pieceSize in [Int.max, 1, 256] {
            do {
                _ = try NotesRenderer(source: source, file: "far.mustache", pieceSize: pieceSize)
                Issue.record("the broken tag was accepted with pieces of \(pieceSize) bytes")
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0 == errors.first })
        #expect(errors.first?.line == 41)
        #expect(errors.first?.column == 11) // where Mustache stops: at "b", which no name may hold after a blank
    }
}
