import Foundation
import TestSupport
import Testing

/// The roundtable note in `shared/domain` rebuilt by a script through the command line, as a
/// note-taker's script would: every part of it has a place, and the notes come out in its order.
@Suite("A real roundtable rebuilt from the command line", .serialized)
struct SeedRoundtableTests {
    static let attendees: [(String, String)] = [
        ("Rob Pollock", "Social Finance"), ("Adam Lent", "NLGN"), ("Adrian Brown", "CPI"), ("Alex Smith", "The Cares Family"),
        ("Andreea Anastasiu", "GO Lab"), ("Andy Brogan", "Easier Inc"), ("Anna Randle", "Collaborate"),
        ("Benjamin Taylor", "Red Quadrant/Commissioning Academy"), ("Ben Hartridge", "Dartington Service Design Lab"),
        ("Bethia McNeil", "Centre for Youth Impact"), ("Jenni Lloyd", "Nesta"), ("Jo Blundell", "GO Lab"),
        ("Joel Trounce", "iMPOWER"), ("Mark Smith", "Gateshead Council"), ("Michael Little", "RATIO"), ("Nigel Ball", "GO Lab"),
        ("Noel Hatch", "Camden Council"), ("Oliver French", "Lankelly Chase"), ("Toby Lowe", "Newcastle Business School"),
    ]
    static let apologies: [(String, String)] = [("Gen Maitland-Hudson", "Social Investment Business"), ("Tris Lumley", "NPC")]

    /// Runs `convene add|set 2020-04-02 …` and fails the test with its error if it is refused.
    private func run(_ convene: ConveneProcess, _ command: String, _ arguments: [String]) throws {
        let result = try convene.run([command, "2020-04-02"] + arguments)
        #expect(result.status == 0, "\(command) \(arguments): \(result.stderr)")
    }

    private func rebuild(_ convene: ConveneProcess) throws -> String {
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning and accountability roundtable",
                                       "--date", "2020-04-02"])
        #expect(created.status == 0, "\(created.stderr)")
        try run(convene, "set", ["purpose", """
            A first discussion of learning and accountability in systems of social support: the tension \
            between showing value for public money and learning to meet long-term challenges.

            The discussion was broad and time was short, so some voices were not heard.
            """])
        try run(convene, "set", ["host", "Collaborate", "GO Lab"])
        for (name, organisation) in Self.attendees {
            try run(convene, "add", ["attendee", name, "--org", organisation] + (name == "Rob Pollock" ? ["--role", "chair"] : []))
        }
        for (name, organisation) in Self.apologies { try run(convene, "add", ["attendee", name, "--org", organisation, "--apologies"]) }

        for (theme, text) in [
            ("Importance of context", "Some contexts need flexible, adaptive practice; stable ones suit well-tested responses."),
            ("Importance of context", "In complex networks, claim contribution rather than attribution."),
            ("The limitations of performance management", "*How* measures are used matters as much as *what* is measured."),
            ("How delivery should work", "A shared purpose across partners and lasting, trusting relationships help."),
        ] {
            try run(convene, "add", ["point", text, "--kind", "agreement", "--theme", theme, "--item", "4"])
        }

        try run(convene, "add", ["topic", "How end outcomes are defined, measured and used", "--item", "5", "--row-header", "How outcomes are…",
                                 "--description", "Views differed on whether outcomes frame success well.\n\nThe table contrasts two positions."])
        try run(convene, "add", ["perspective", ""])
        try run(convene, "add", ["perspective", ""])
        for dimension in ["…defined", "…measured", "…acted upon"] { try run(convene, "add", ["dimension", dimension]) }
        for (row, column, text) in [
            (1, 1, "By each person who uses a service."), (1, 2, "Commonly, across groups with similar needs."),
            (2, 1, "Stories and qualitative data."), (2, 2, "Standardised measurement tools."),
            (3, 1, "A broad shared goal; continuous learning."), (3, 2, "A specific goal agreed in advance."),
        ] {
            try run(convene, "add", ["cell", text, "--row", "\(row)", "--column", "\(column)"])
        }
        try run(convene, "add", ["caveat", "Contributors may not have had the same context in mind."])
        try run(convene, "add", ["caveat", "The group did not split neatly between the two positions."])
        try run(convene, "add", ["dilemmas-lead-in", "Resolving these tensions means facing some dilemmas, which the discussion raised."])
        try run(convene, "add", ["dilemma", "How to determine broad public value", "--text", """
            Without collectively defined outcomes, how else might public value be judged? Ideas included valuing:

            1. transparency of practice;
            2. personal and professional integrity;
            3. the quality of practice;
            4. people's own view of what is valuable.
            """])
        try run(convene, "add", ["dilemma", "Solving deep-seated moral trade-offs", "--text", "Who should define outcomes, and how are they made legitimate?"])

        for (subtheme, text) in [
            (nil, "Many discussions of outcomes pointed to how accountability might operate."),
            ("Who should be accountable to whom?", "Ultimate accountability lies with the public, through democratic institutions."),
            ("How is success defined and determined?", "How much clarity is needed *in advance* on what success looks like?"),
            ("What is the ultimate goal of accountability?", "Accountability for learning rather than reward and punishment."),
        ] {
            try run(convene, "add", ["point", text, "--kind", "divergence", "--theme", "How accountability should operate", "--item", "5"]
                + (subtheme.map { ["--subtheme", $0] } ?? []))
        }

        try run(convene, "add", ["context", "Homelessness support", "--item", "6", "--uncertainty", "4", "--control", "2",
                                 "--description", "Many agencies; outcomes depend on housing supply."])
        try run(convene, "add", ["context", "Childhood vaccination", "--item", "6", "--uncertainty", "1", "--control", "5",
                                 "--description", "A well-tested intervention with a clear outcome."])

        try run(convene, "add", ["point", "Everyone wanted to pick the discussion up again; solutions will be imperfect.", "--item", "7"])
        try run(convene, "add", ["point", "What factors should influence our choices?", "--kind", "question", "--item", "7"])
        try run(convene, "add", ["point", "How might promising practice inform learning elsewhere?", "--kind", "question", "--item", "7"])
        return try String(contentsOfFile: convene.sessions.appendingPathComponent("2020-04-02-learning-and-accountability-roundtable/notes.md").path,
                          encoding: .utf8)
    }

    @Test("the notes hold every part, in the seed's order, and GitHub's parser finds its structure")
    func seed() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let notes = try rebuild(convene)

        let sections = notes.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(sections == ["## Purpose", "## Agenda", "## Points of agreement", "## Points of divergence", "## Context assessment",
                             "## Next steps", "## Attendees", "## Apologies"], "\(sections)")
        let order = ["## Purpose", "### Importance of context", "### The limitations of performance management",
                     "### How end outcomes are defined, measured and used", "**Caveats**", "Resolving these tensions means facing some dilemmas",
                     "**Dilemmas**", "#### How to determine broad public value",
                     "### How accountability should operate", "#### Who should be accountable to whom?",
                     "#### What is the ultimate goal of accountability?", "## Context assessment", "## Next steps",
                     "Everyone wanted to pick", "**What factors should influence our choices?**",
                     "**How might promising practice inform learning elsewhere?**", "## Attendees"]
        let positions = order.map { notes.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "out of the seed's order")
        #expect(notes.contains("**Hosted by:** Collaborate, GO Lab"))
        #expect(notes.contains("| Homelessness support | Many agencies; outcomes depend on housing supply. |"))
        #expect(notes.contains("4 / 2 (1 rating)"), "one rating is a value, not a range")
        #expect(!notes.contains("### Next steps"), "next-steps notes belong under ## Next steps")

        guard let cmark = CmarkGFM.located() else { return }
        let body = try #require(notes.components(separatedBy: "\n---\n").dropFirst().first)
        let html = try CmarkGFM.render(body, with: cmark)
        #expect(html.contains("<th>How outcomes are…</th>\n<th></th>\n<th></th>"), "row header and unnamed perspectives")
        #expect(html.contains("<td><strong>…measured</strong></td>\n<td>Stories and qualitative data.</td>"))
        #expect(html.contains("<ol>\n<li>transparency of practice;</li>"), "the dilemma's list is a list")
        #expect(html.contains("<em>How</em> measures are used"), "emphasis typed on purpose is kept")
        #expect(html.contains("<p>The table contrasts two positions.</p>\n<table>"), "the description leads into its table")
        #expect(html.components(separatedBy: "<table>").count - 1 == 5, "agenda, divergence, contexts, attendees, apologies")
    }

    @Test("a per-item rule: attributed in the talk, refused in the discussion, and said in the notes")
    func rulePerPart() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "masterclass", title: "Systems change masterclass", date: "2020-04-02")
        try run(convene, "set", ["rule", "on", "--item", "4"])
        try run(convene, "add", ["point", "Outcomes emerge from systems.", "--item", "2", "--speaker", "Toby Lowe"])
        let refused = try convene.run(["add", "2020-04-02", "point", "Ask the funders.", "--item", "4", "--speaker", "Noel Hatch"])
        #expect(refused.status != 0 && refused.stderr.contains("Chatham House Rule"), "\(refused.stderr)")
        try run(convene, "add", ["point", "Ask the funders.", "--item", "4"])
        let speakerInRule = try convene.run(["set", "2020-04-02", "rule", "on", "--item", "2"])
        #expect(speakerInRule.status != 0 && speakerInRule.stderr.contains("1 speaker attribution"), "\(speakerInRule.stderr)")

        let notes = try String(contentsOfFile: convene.sessions.appendingPathComponent("2020-04-02-systems-change-masterclass/notes.md").path,
                               encoding: .utf8)
        #expect(notes.contains("> **Held in part under the Chatham House Rule.** Under the Rule: Questions from the room."))
        #expect(notes.contains("Not under the Rule: Welcome, Keynote, Case study, Take-aways and further reading, Close."))
        #expect(notes.contains("- Outcomes emerge from systems. — *Toby Lowe*"))
        #expect(notes.contains("- Ask the funders.\n"))
    }

    @Test("a follow-up takes the previous session's template unless told otherwise")
    func followUp() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "peer-learning", title: "Peer group", date: "2020-04-02")
        let next = try convene.run(["new", "--follow-up", "2020-04-02", "--title", "Peer group", "--date", "2020-05-07"])
        #expect(next.status == 0, "\(next.stderr)")
        let notes = try String(contentsOfFile: convene.sessions.appendingPathComponent("2020-05-07-peer-group/notes.md").path, encoding: .utf8)
        #expect(notes.contains("template: peer-learning"))
        let neither = try convene.run(["new", "--title", "Nothing to go on"])
        #expect(neither.status != 0 && neither.stderr.contains("--template"))
    }
}
