import ConveneCore
import Foundation
import Testing
import Yams

@Suite("Markdown notes")
struct NotesRendererTests {
    @Test("a roundtable's notes have every section, in order, with the rule stated")
    func roundtable() throws {
        let notes = try Fixtures.notesRenderer().render(Fixtures.roundtable())
        let headings = notes.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == [
            "## Purpose", "## Agenda", "## Presentations", "## Points of agreement", "## Points of divergence",
            "## Context assessment", "## Principles", "## Next steps", "## Attendees", "## Apologies",
        ])
        #expect(notes.contains("Held under the Chatham House Rule"))
        #expect(notes.contains("### Importance of context\n\n- Complex contexts need flexible, adaptive practice.\n- Contribution, not attribution."))
        #expect(notes.contains("|  | Defined by each person | Defined across groups |"))
        #expect(notes.contains("| **Measured** | Stories and qualitative data | Standardised tools |"))
        #expect(notes.contains("#### How to judge public value"))
        #expect(notes.contains("| Homelessness support |  | 4.5 | 1.5 | Interim outcomes | Track early signs and learn | 4–5 / 1–2 (2 ratings) |"))
        #expect(notes.contains("quadrantChart") && notes.contains("    \"Homelessness support\": [0.12, 0.88]"))
        #expect(notes.contains("- **Start with a systems view**\\\n  Several partners were missing from the map."))
        #expect(notes.contains("- **Build shared purpose**\n"))
        #expect(notes.contains("\n\n**What factors should shape our choices?**\n\n"))
        #expect(notes.contains("| Rob Pollock | Social Finance | Chair |"))
        #expect(notes.contains("## Apologies\n\n| Name | Organisation |\n| --- | --- |\n| Val Keen | Office for Civil Society, DCMS |"))
        #expect(!notes.contains("\n\n\n"))
    }

    @Test("next steps keep the order captured: notes as paragraphs, questions in bold among them, answers under them")
    func nextStepsInOrder() throws {
        var session = Fixtures.roundtable()
        let nextSteps = try #require(session.agenda.elements.first { $0.phase == .nextSteps }).id.rawValue
        try session.apply(.pointAdded(point: Fixtures.point(80, .note, "We shall seek to understand more.", item: nextSteps)))
        var answered = Fixtures.point(81, .question, "Who convenes next?", item: nextSteps)
        answered.status = .done
        answered.answer = "GO Lab"
        try session.apply(.pointAdded(point: answered))
        let notes = try Fixtures.notesRenderer().render(session)
        let order = ["**What factors should shape our choices?**", "We shall seek to understand more.",
                     "**Who convenes next?** · **answered**\n\n*Answer:* GO Lab", "### Actions"]
        let positions = order.map { notes.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))\n\(notes)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "out of the order captured")
    }

    @Test("a question from the room stays with the talk it was asked of, its answer under it; a bare address is a link")
    func presentationQuestion() throws {
        var session = Fixtures.roundtable()
        try session.apply(.pointAdded(point: Fixtures.point(82, .note, "The evidence base: https://golab.bsg.ox.ac.uk/knowledge-bank/.", item: 2)))
        var asked = Fixtures.point(83, .question, "How long did the data sharing take?", item: 2)
        asked.status = .done
        asked.answer = "A year, and a second to trust it."
        try session.apply(.pointAdded(point: asked))
        let notes = try Fixtures.notesRenderer().render(session)
        let talk = try #require(notes.range(of: "### Opening comments"))
        let question = try #require(notes.range(of: "- *Question:* How long did the data sharing take?\n  *Answer:* A year, and a second to trust it."))
        #expect(talk.lowerBound < question.lowerBound)
        let questions = notes.range(of: "## Questions and dilemmas").map { notes[$0.upperBound...] } ?? ""
        #expect(!questions.contains("data sharing"), "the question was moved away from its talk")
        #expect(notes.contains("The evidence base: <https://golab.bsg.ox.ac.uk/knowledge-bank/>."))
    }

    @Test("a point set as a paragraph stands on its own among its theme's bullets; in next steps a point can be a bullet")
    func paragraphsAndBullets() throws {
        var session = Fixtures.roundtable()
        var prose = Fixtures.point(84, .agreement, "Defining a shared purpose was seen as useful.", theme: "How delivery should work", item: 3)
        prose.layout = .paragraph
        try session.apply(.pointAdded(point: prose))
        try session.apply(.pointAdded(point: Fixtures.point(85, .agreement, "Trusting relationships matter.", theme: "How delivery should work", item: 3)))
        var listed = Fixtures.point(86, .note, "Share the slides", item: 7)
        listed.layout = .bullet
        try session.apply(.pointAdded(point: listed))
        let notes = try Fixtures.notesRenderer().render(session)
        #expect(notes.contains("### How delivery should work\n\nDefining a shared purpose was seen as useful.\n\n- Trusting relationships matter.\n"), "\(notes)")
        #expect(notes.contains("\n- Share the slides\n"))
    }

    @Test("front matter is valid YAML that gives back the title, however odd")
    func frontMatter() throws {
        var session = Session()
        var details = Fixtures.details()
        details.title = "---\nkey: \"value\" # not a comment: really"
        details.title = TextRules.cleaned(details.title, singleLine: true)
        try session.apply(.created(setup: SessionSetup(details: details, agenda: Fixtures.agenda)))
        let notes = try Fixtures.notesRenderer().render(session)
        let parts = notes.components(separatedBy: "\n---\n")
        let yaml = try #require(parts.first?.dropFirst(4))
        let front = try #require(try Yams.load(yaml: String(yaml)) as? [String: Any])
        #expect(front["title"] as? String == details.title)
        #expect(front["chatham-house"] as? Bool == true)
    }

    @Test("a title or host that reads as a word of YAML stays text in the front matter", arguments: ["yes", "null", "123", "2026-04-02", "~", "off", "1e3"])
    func frontMatterKeepsWordsText(word: String) throws {
        var session = Session()
        var details = Fixtures.details()
        details.title = word
        details.hosts = [word]
        try session.apply(.created(setup: SessionSetup(details: details, agenda: Fixtures.agenda)))
        let notes = try Fixtures.notesRenderer().render(session)
        let yaml = try #require(notes.components(separatedBy: "\n---\n").first?.dropFirst(4))
        let front = try #require(try Yams.load(yaml: String(yaml)) as? [String: Any])
        #expect(front["title"] as? String == word)
        #expect(front["hosts"] as? [String] == [word])
        #expect(front["date"] is Date, "the session's date stays a YAML date")
    }

    @Test("attributed sessions name speakers; Chatham House sessions never do")
    func attribution() throws {
        var masterclass = Fixtures.created(chathamHouse: false)
        var keynote = Fixtures.agenda[1]
        keynote.speaker = "Toby Lowe"
        try masterclass.apply(.itemChanged(item: keynote))
        try masterclass.apply(.pointAdded(point: Fixtures.point(20, .note, "Outcomes emerge from systems.", item: 2, speaker: "Toby Lowe")))
        try masterclass.apply(.pointAdded(point: Fixtures.point(21, .note, "A question from the floor.", item: 2)))
        let notes = try Fixtures.notesRenderer().render(masterclass)
        #expect(notes.contains("### Opening comments — Toby Lowe"))
        #expect(notes.contains("- Outcomes emerge from systems. — *Toby Lowe*"))
        // A point nobody was named for is not given the presenter's name.
        #expect(notes.contains("- A question from the floor.\n"))
        #expect(!notes.contains("Chatham House Rule"))
    }

    @Test("rendering twice gives the same bytes, so git sees no change")
    func stable() throws {
        let renderer = try Fixtures.notesRenderer()
        #expect(renderer.render(Fixtures.roundtable()) == renderer.render(Fixtures.roundtable()))
    }

    @Test("a broken notes template is an error with its line")
    func brokenTemplate() {
        do {
            _ = try NotesRenderer(source: "# {{title}}\n\n{{#agenda}}\n| {{title}} |\n", file: "notes.mustache")
            Issue.record("accepted an unclosed section")
        } catch {
            #expect(error.file == "notes.mustache")
            #expect(error.line != nil)
            #expect(error.problem.contains("never closed"), "\(error)")
        }
    }

    @Test("context names that look like Mermaid directives stay points of the chart, parentheses and all")
    func mermaidNames() throws {
        var session = Fixtures.created()
        let names = ["quadrant-1 Hijacked", "x-axis Evil (pilot)", "Say \"no\"; %% not a comment"]
        for (offset, name) in names.enumerated() {
            try session.apply(.contextAdded(context: ContextAssessment(
                id: EntityID(200 + offset), name: name, ratings: [Rating(uncertainty: 5, control: 1 + offset)])))
        }
        let notes = try Fixtures.notesRenderer().render(session)
        #expect(notes.contains("    \"quadrant-1 Hijacked\": [0, 1]"))
        #expect(notes.contains("    \"x-axis Evil (pilot)\": [0.25, 1]"))
        #expect(notes.contains("    \"Say ”no”; %% not a comment\": [0.50, 1]"))
        #expect(!notes.contains("\n    quadrant-1 Hijacked") && !notes.contains("\n    x-axis Evil"))
    }
}
