import ConveneCore
import Foundation
import Testing

/// A broken template is named where a person can find and fix it.
@Suite("Template errors point at the problem")
struct TemplateErrorTests {
    private let yaml = """
        kind: roundtable
        chatham-house: true
        title: Test
        summary: A test
        agenda:
          - title: Welcome
            phase: opening
            minutes: 10
        quadrants:
          low-uncertainty-low-control: {label: Outputs, measure: Count}
        """

    private func sessionError(_ yaml: String) -> TemplateError? {
        do {
            _ = try SessionTemplateParser.parse(yaml, name: "test", file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("a control character is refused at its own line, in any text of the template", arguments: [
        ("title: Test", "title: \"Te\\u001Bst\"", 3, "in title"),
        ("summary: A test", "summary: \"A \\u0007test\"", 4, "in summary"),
        ("{label: Outputs, measure: Count}", "{label: \"Out\\u009Bputs\", measure: Count}", 10, "label"),
        ("- title: Welcome", "- title: \"Wel\\u0000come\"", 6, "agenda[1].title"),
    ])
    func controlCharacters(original: String, broken: String, line: Int, place: String) throws {
        let error = try #require(sessionError(yaml.replacingOccurrences(of: original, with: broken)))
        #expect(error.line == line, "\(error)")
        #expect(error.problem.contains("control character") && error.problem.contains(place), "\(error)")
    }

    @Test("a repeated key is named at its second line, at any depth", arguments: [
        ("summary: A test", "summary: A test\ntitle: Again", 5, "‘title’"),
        ("    minutes: 10", "    minutes: 10\n    phase: close", 9, "‘phase’"),
    ])
    func repeatedKeys(original: String, broken: String, line: Int, key: String) throws {
        let error = try #require(sessionError(yaml.replacingOccurrences(of: original, with: broken)))
        #expect(error.line == line && error.problem.contains(key), "\(error)")
    }

    private func notesError(_ source: String) -> TemplateError? {
        do {
            _ = try NotesRenderer(source: source, file: "notes.mustache")
            return nil
        } catch {
            return error
        }
    }

    @Test("notes templates: unclosed tags and sections, wrong closes, partials and control characters", arguments: [
        ("# {{title}}\n\nDate: {{date\n\n{{kind}}\n", 3, 7, "never closed"),
        ("# {{title}}\n{{#agenda}}\n| {{number}} |\n\nend\n", 2, 1, "‘agenda’ opened here is never closed"),
        ("{{#agenda}}\n{{#themes}}\n{{/agenda}}\n", 3, 1, "‘themes’ opened at line 2 is still open"),
        ("# {{title}}\n\n{{> footer}}\n", 3, 1, "partials"),
        ("# {{title}}\n\nA bell \u{07} here\n", 3, 8, "control character"),
    ])
    func notesTemplates(source: String, line: Int, column: Int, problem: String) throws {
        let error = try #require(notesError(source))
        #expect(error.line == line && error.column == column && error.problem.contains(problem), "\(error)")
    }

    @Test("the built-in notes template passes the check")
    func builtIn() throws {
        _ = try Fixtures.notesRenderer()
    }
}
