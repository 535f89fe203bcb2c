import Foundation
import Yams

extension NotesView {
    /// Lays a session out as the notes present it: points sorted into sections by kind and phase,
    /// grouped by theme in the order themes first appear.
    init(session: Session) {
        let details = session.details
        let attributed = !details.chathamHouse

        frontMatter = Self.frontMatter(for: session)
        title = NotesText(details.title)
        chathamHouse = details.chathamHouse
        date = NotesText(details.date)
        kind = NotesText(details.kind)
        hosts = details.hosts.isEmpty ? nil : NotesText(details.hosts.joined(separator: ", "))
        series = details.series.map(NotesText.init)
        purpose = details.purpose.allSatisfy(\.isWhitespace) ? nil : NotesText(details.purpose)

        let items = session.agenda.elements
        agenda = items.enumerated().map { offset, item in
            AgendaRow(
                number: offset + 1, title: NotesText(item.title), phase: item.phase.displayName,
                planned: "\(item.minutes) min", actual: item.actualMinutes.map { "\($0) min" } ?? "—"
            )
        }
        plannedTotal = "\(items.reduce(0) { $0 + $1.minutes }) min"
        let actuals = items.compactMap(\.actualMinutes)
        actualTotal = actuals.isEmpty ? "—" : "\(actuals.reduce(0, +)) min"

        var byKind: [PointKind: [Point]] = [:]
        var notesByItem: [EntityID?: [Point]] = [:]
        var presentationPoints: [EntityID: [Point]] = [:]
        var nextStepQuestions: [Point] = []
        for point in session.points.elements {
            let phase = point.item.flatMap { session.agenda[$0] }?.phase
            switch (point.kind, phase) {
            case (.note, .presentation?):
                presentationPoints[point.item ?? EntityID(0), default: []].append(point)
            case (.note, _):
                notesByItem[point.item, default: []].append(point)
            case (.question, .nextSteps?):
                nextStepQuestions.append(point)
            default:
                byKind[point.kind, default: []].append(point)
            }
        }
        let line = { (point: Point) in Self.pointLine(point, attributed: attributed) }

        presentations = items.filter { $0.phase == .presentation }.compactMap { item in
            let points = presentationPoints[item.id] ?? []
            guard !points.isEmpty || item.speaker != nil else { return nil }
            return ItemSection(
                title: NotesText(item.title), speaker: attributed ? item.speaker.map(NotesText.init) : nil,
                themes: Self.themes(points, attributed: attributed)
            )
        }
        let itemOrder: [EntityID?] = items.map(\.id) + [nil]
        discussion = itemOrder.compactMap { id in
            guard let points = notesByItem[id], !points.isEmpty else { return nil }
            let title = NotesText(id.flatMap { session.agenda[$0] }?.title ?? "Other notes")
            return ItemSection(title: title, speaker: nil, themes: Self.themes(points, attributed: attributed))
        }
        agreement = Self.themes(byKind[.agreement] ?? [], attributed: attributed)
        divergence = Self.themes(byKind[.divergence] ?? [], attributed: attributed)
        topics = session.topics.elements.map(Self.topic)
        hasDivergence = !divergence.isEmpty || !topics.isEmpty
        questions = (byKind[.question] ?? []).map(line)

        let rated = session.contexts.elements
        contexts = rated.map { Self.contextRow($0, guide: session.quadrantGuide) }
        quadrantChart = rated.contains { !$0.ratings.isEmpty }
            ? MermaidQuadrantChart(contexts: rated, guide: session.quadrantGuide).source
            : nil

        checklists = items.filter { !$0.checklist.isEmpty }.map { item in
            Checklist(
                title: NotesText(item.title),
                entries: item.checklist.enumerated().map { index, prompt in
                    let response = item.response(to: index)
                    return ChecklistEntry(
                        prompt: NotesText(prompt),
                        response: response.allSatisfy(\.isWhitespace) ? nil : NotesText(response)
                    )
                }
            )
        }

        nextQuestions = nextStepQuestions.map(line)
        actions = (byKind[.action] ?? []).map(line)
        hasNextSteps = !nextQuestions.isEmpty || !actions.isEmpty

        let people = session.attendees.elements
        attendees = people.filter { !$0.apologies }.map(Self.person)
        apologies = people.filter(\.apologies).map(Self.person)
    }

    private static func pointLine(_ point: Point, attributed: Bool) -> PointLine {
        PointLine(
            text: NotesText(point.text),
            speaker: attributed ? point.speaker.map(NotesText.init) : nil
        )
    }

    /// Points grouped by theme: unthemed points first, then each theme in the order it first appears.
    private static func themes(_ points: [Point], attributed: Bool) -> [Theme] {
        var order: [String] = []
        var grouped: [String: [PointLine]] = [:]
        var unthemed: [PointLine] = []
        for point in points {
            let line = pointLine(point, attributed: attributed)
            guard let theme = point.theme else {
                unthemed.append(line)
                continue
            }
            if grouped[theme] == nil { order.append(theme) }
            grouped[theme, default: []].append(line)
        }
        let themed = order.map { Theme(heading: NotesText($0), points: grouped[$0] ?? []) }
        return (unthemed.isEmpty ? [] : [Theme(heading: nil, points: unthemed)]) + themed
    }

    private static func topic(_ topic: DivergenceTopic) -> Topic {
        let cell = MarkdownEscaping.oneLine
        let header = "| " + ([""] + topic.perspectives.map(cell)).joined(separator: " | ") + " |"
        let separator = "|" + String(repeating: " --- |", count: topic.perspectives.count + 1)
        let rows = topic.dimensions.enumerated().map { row, dimension in
            let cells = topic.perspectives.indices.map { cell(topic.cell(row: row, column: $0)) }
            return "| " + (["**" + cell(dimension) + "**"] + cells).joined(separator: " | ") + " |"
        }
        return Topic(
            title: NotesText(topic.title), header: header, separator: separator, rows: rows,
            caveats: topic.caveats.map(NotesText.init),
            dilemmas: topic.dilemmas.map { Dilemma(title: NotesText($0.title), text: NotesText($0.text)) },
            hasCaveats: !topic.caveats.isEmpty, hasDilemmas: !topic.dilemmas.isEmpty
        )
    }

    private static func contextRow(_ context: ContextAssessment, guide: [EbrahimQuadrant: QuadrantGuide]) -> ContextRow {
        let cell = MarkdownEscaping.oneLine
        let quadrants = context.quadrants
        let labels = quadrants.map { cell(guide[$0]?.label ?? $0.axesName) }
        let quadrant = switch quadrants.count {
        case 0: "not rated"
        case 1: labels[0]
        case 4: "at the centre"
        default: "between " + labels.joined(separator: " and ")
        }
        let measure = quadrants.compactMap { guide[$0]?.measure }.map(cell).joined(separator: "<br>or ")
        var spread = "—"
        if let range = context.spread {
            let count = context.ratings.count
            spread = "\(range.uncertainty.lowerBound)–\(range.uncertainty.upperBound) / "
                + "\(range.control.lowerBound)–\(range.control.upperBound) (\(count) rating\(count == 1 ? "" : "s"))"
        }
        return ContextRow(
            name: NotesText(context.name), description: NotesText(context.description),
            uncertainty: context.meanUncertainty.map { String(format: "%.1f", $0) } ?? "—",
            control: context.meanControl.map { String(format: "%.1f", $0) } ?? "—",
            quadrant: quadrant, measure: measure.isEmpty ? "—" : measure, spread: spread
        )
    }

    private static func person(_ attendee: Attendee) -> Person {
        Person(
            name: NotesText(attendee.name),
            organisation: NotesText(attendee.organisation ?? ""),
            role: attendee.role.displayName
        )
    }

    /// YAML front matter, emitted by Yams so that any title survives quoting. No generation time:
    /// the file must not change unless the session did, so it diffs cleanly under git.
    private static func frontMatter(for session: Session) -> String {
        let details = session.details
        var pairs: [(Node, Node)] = [
            ("title", Node(details.title)),
            ("date", Node(details.date)),
            ("kind", Node(details.kind)),
            ("template", Node(details.template)),
            ("chatham-house", Node(details.chathamHouse ? "true" : "false", Tag(.bool))),
        ]
        if let series = details.series {
            pairs.append(("series", Node(series)))
        }
        if !details.hosts.isEmpty {
            pairs.append(("hosts", Node(details.hosts.map { Node($0) })))
        }
        pairs.append(("attendees", Node(String(session.attendees.elements.filter { !$0.apologies }.count), Tag(.int))))
        pairs.append(("points", Node(String(session.points.count), Tag(.int))))
        let yaml = (try? Yams.serialize(node: Node(pairs))) ?? "title: untitled\n"
        return yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml
    }
}
