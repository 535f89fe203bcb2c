import ConveneCore
import Foundation

/// Sessions built from events, with names and content in the manner of a real roundtable note.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_775_124_000)

    /// `minutes` after `start`: when things happen in a test of the agenda's clock.
    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static func details(chathamHouse: Bool = true) -> SessionDetails {
        SessionDetails(
            title: "Learning and accountability", kind: "roundtable", date: "2026-04-02",
            purpose: "Explore the tension between showing value and learning.", hosts: ["Collaborate", "GO Lab"],
            chathamHouse: chathamHouse, template: "roundtable"
        )
    }

    static let agenda: [AgendaItem] = [
        AgendaItem(id: EntityID(1), title: "Welcome", phase: .opening, minutes: 10),
        AgendaItem(id: EntityID(2), title: "Opening comments", phase: .presentation, minutes: 15),
        AgendaItem(id: EntityID(3), title: "Where we agree", phase: .agreement, minutes: 15),
        AgendaItem(id: EntityID(4), title: "Where we differ", phase: .divergence, minutes: 20),
        AgendaItem(id: EntityID(5), title: "Contexts", phase: .contextAssessment, minutes: 15),
        AgendaItem(id: EntityID(6), title: "Principles", phase: .checklist, minutes: 10,
                   checklist: ["Start with a systems view", "Build shared purpose"]),
        AgendaItem(id: EntityID(7), title: "Next steps", phase: .nextSteps, minutes: 10),
    ]

    static let guide: [EbrahimQuadrant: QuadrantGuide] = [
        .lowUncertaintyLowControl: QuadrantGuide(label: "Outputs", measure: "Count what is delivered"),
        .lowUncertaintyHighControl: QuadrantGuide(label: "Outcomes", measure: "Hold to outcomes"),
        .highUncertaintyLowControl: QuadrantGuide(label: "Interim outcomes", measure: "Track early signs and learn"),
        .highUncertaintyHighControl: QuadrantGuide(label: "System outcomes", measure: "Pursue with partners"),
    ]

    static func created(chathamHouse: Bool = true) -> Session {
        var session = Session()
        _ = try? session.apply(.created(setup: SessionSetup(details: details(chathamHouse: chathamHouse), agenda: agenda, quadrantGuide: guide)))
        return session
    }

    static func point(_ id: Int, _ kind: PointKind, _ text: String, theme: String? = nil, item: Int? = nil, speaker: String? = nil) -> Point {
        Point(id: EntityID(id), kind: kind, text: text, theme: theme, item: item.map(EntityID.init), speaker: speaker, createdAt: start)
    }

    /// The events of a small but complete roundtable, in the order a note-taker would capture them.
    static let roundtableEvents: [SessionEvent] = [
        .attendeeAdded(attendee: Attendee(id: EntityID(10), name: "Rob Pollock", organisation: "Social Finance", role: .chair)),
        .attendeeAdded(attendee: Attendee(id: EntityID(11), name: "Michael Little", organisation: "RATIO")),
        .attendeeAdded(attendee: Attendee(id: EntityID(12), name: "Anna Randle", organisation: "Collaborate")),
        .attendeeAdded(attendee: Attendee(id: EntityID(13), name: "Val Keen", organisation: "Office for Civil Society, DCMS", apologies: true)),
        .pointAdded(point: point(20, .agreement, "Complex contexts need flexible, adaptive practice.", theme: "Importance of context", item: 3)),
        .pointAdded(point: point(21, .agreement, "Measures matter, but how they are used matters more.", theme: "Limits of performance management", item: 3)),
        .pointAdded(point: point(22, .agreement, "Contribution, not attribution.", theme: "Importance of context", item: 3)),
        .pointAdded(point: point(23, .note, "Stories and standard tools each lose something.", item: 2)),
        .topicAdded(topic: DivergenceTopic(
            id: EntityID(30), title: "How outcomes are defined, measured and used", item: EntityID(4),
            perspectives: ["Defined by each person", "Defined across groups"],
            dimensions: ["Defined", "Measured", "Acted upon"],
            cells: [["By the person using the service", "Common across similar needs"],
                    ["Stories and qualitative data", "Standardised tools"],
                    ["Broad shared goal, continuous learning", "Specific goal agreed in advance"]],
            caveats: ["Contributors may have had different contexts in mind."],
            dilemmas: [.init(title: "How to judge public value", text: "Without shared outcomes, what else tells us value?")]
        )),
        .contextAdded(context: ContextAssessment(id: EntityID(40), name: "Homelessness support", item: EntityID(5),
                                                 ratings: [Rating(uncertainty: 4, control: 2), Rating(uncertainty: 5, control: 1)])),
        .contextAdded(context: ContextAssessment(id: EntityID(41), name: "Childhood vaccination", item: EntityID(5),
                                                 ratings: [Rating(uncertainty: 1, control: 5)])),
        .itemChanged(item: {
            var item = agenda[5]
            item.responses = ["Several partners were missing from the map.", ""]
            return item
        }()),
        .pointAdded(point: point(24, .question, "What factors should shape our choices?", item: 7)),
        .pointAdded(point: point(25, .action, "Circulate the note within two weeks.", item: 7)),
    ]

    static func roundtable() -> Session {
        var session = created()
        for event in roundtableEvents { _ = try? session.apply(event) }
        return session
    }

    /// The repository's `Templates/` folder.
    static var templatesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates")
    }

    static func notesRenderer() throws -> NotesRenderer {
        let url = templatesFolder.appendingPathComponent("notes.mustache")
        return try NotesRenderer(source: String(contentsOf: url, encoding: .utf8), file: url.path)
    }
}
