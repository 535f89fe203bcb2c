import ConveneCore
import Foundation
import Testing

@Suite("Session templates")
struct SessionTemplateParserTests {
    private func parse(_ yaml: String) throws(TemplateError) -> SessionTemplate {
        try SessionTemplateParser.parse(yaml, name: "test", file: "test.yaml")
    }

    private let validYAML = """
        title: Test
        kind: roundtable
        chatham-house: true
        agenda:
          - title: Welcome
            phase: opening
            minutes: 10
          - title: Principles
            phase: checklist
            minutes: 5
            checklist: [One, Two]
        quadrants:
          low-uncertainty-low-control: {label: Outputs, measure: Count}
        """

    @Test("a valid template becomes a session's first event")
    func valid() throws {
        let template = try parse(validYAML)
        #expect(template.agenda.map(\.phase) == [.opening, .checklist])
        let setup = template.setup(title: "Our roundtable", date: "2026-04-02")
        #expect(setup.details.chathamHouse && setup.details.template == "test")
        #expect(setup.agenda[1].checklist == ["One", "Two"])
        #expect(setup.quadrantGuide[.lowUncertaintyLowControl]?.label == "Outputs")
    }

    @Test("errors name the line of the problem", arguments: [
        ("phase: opening", "phase: openning", 6, "unknown phase"),
        ("minutes: 10", "minutes: ten", 7, "expected a whole number"),
        ("minutes: 10", "minuts: 10", 7, "unknown key ‘minuts’"),
        ("title: Welcome", "title: Welcome: again", 5, "YAML"),
        ("low-uncertainty-low-control", "low-uncertainty-no-control", 13, "unknown quadrant"),
        ("minutes: 5", "minutes: 5000", 8, "timebox"),
    ])
    func errors(original: String, broken: String, line: Int, problem: String) {
        let yaml = validYAML.replacingOccurrences(of: original, with: broken)
        do {
            _ = try parse(yaml)
            Issue.record("accepted a broken template: \(broken)")
        } catch {
            #expect(error.file == "test.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }

    @Test("a missing key is named")
    func missingKey() {
        #expect(throws: TemplateError.self) { try parse("title: T\nkind: k\nagenda: []\n") }
        do {
            _ = try parse("title: T\nkind: k\nagenda: []\n")
        } catch {
            #expect(error.problem.contains("chatham-house"))
        }
    }

    @Test("every shipped template parses and starts a valid session", arguments: ["roundtable", "peer-learning", "masterclass", "seminar"])
    func shipped(name: String) throws {
        let url = Fixtures.templatesFolder.appendingPathComponent("\(name).yaml")
        let template = try SessionTemplateParser.parse(try String(contentsOf: url, encoding: .utf8), name: name, file: url.path)
        var session = Session()
        try session.apply(.created(setup: template.setup(title: "T", date: "2026-01-01")))
        #expect(session.agenda.count >= 5)
        #expect(template.chathamHouse == (name == "roundtable" || name == "peer-learning"))
        if name != "masterclass" { #expect(template.quadrants.count == 4) }
    }
}
