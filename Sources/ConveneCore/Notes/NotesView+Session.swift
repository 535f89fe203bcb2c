import Foundation
import Yams

extension NotesView {
    /// Lays a session out as the notes present it: points sorted into sections by kind and phase,
    /// grouped by theme in the order themes first appear; the 2×2 as `chart` says.
    init(session: Session, chart: NotesChart = .mermaid) {
        let details = session.details
        let attributed = { (item: EntityID?) in !session.isUnderRule(item) }

        frontMatter = Self.frontMatter(for: session)
        title = NotesText(details.title)
        previous = details.previous.map(Self.link)
        next = details.next.map(Self.link)
        let links = [previous.map { "**Previous:** " + $0 }, next.map { "**Next:** " + $0 }].compactMap(\.self)
        seriesLinks = links.isEmpty ? nil : links.joined(separator: " · ")
        chathamHouse = session.isWhollyUnderRule
        partlyUnderRule = session.isAnyPartUnderRule && !chathamHouse
        partsUnderRule = Self.titles(session.itemsUnderRule)
        let attributedItems = session.agenda.elements.filter { !$0.isUnderRule(sessionRule: details.chathamHouse) }
        partsAttributed = attributedItems.isEmpty ? nil : Self.titles(attributedItems)
        date = NotesText(details.date)
        kind = NotesText(details.kind)
        hosts = details.hosts.isEmpty ? nil : NotesText(details.hosts.joined(separator: ", "))
        series = details.series.map(NotesText.init)
        purpose = details.purpose.allSatisfy(\.isWhitespace) ? nil : NotesText(details.purpose)

        let items = session.agenda.elements
        agenda = items.enumerated().map { offset, item in
            AgendaRow(
                number: offset + 1, title: NotesText(item.title), phase: item.phase.displayName,
                planned: Self.minutes(planned: item.minutes, now: item.isSkipped ? item.minutes : item.timebox),
                actual: item.isSkipped ? "skipped" : item.actualMinutes.map { "\($0) min" } ?? "—"
            )
        }
        plannedTotal = Self.minutes(planned: items.reduce(0) { $0 + $1.minutes },
                                    now: items.reduce(0) { $0 + ($1.isSkipped ? 0 : $1.timebox) })
        let actuals = items.compactMap(\.actualMinutes)
        actualTotal = actuals.isEmpty ? "—" : "\(actuals.reduce(0, +)) min"

        var byKind: [PointKind: [Point]] = [:]
        var notesByItem: [EntityID?: [Point]] = [:]
        var presentationPoints: [EntityID: [Point]] = [:]
        var nextStepPoints: [Point] = []
        var nextStepQuestions: [Point] = []
        var carried: [Point] = []
        for point in session.points.elements {
            if point.isCarried {
                carried.append(point)
                continue
            }
            let phase = point.item.flatMap { session.agenda[$0] }?.phase
            switch (point.kind, phase) {
            case (.note, .presentation?), (.question, .presentation?):
                // A question from the room stays with the talk it was asked of, and its answer.
                presentationPoints[point.item ?? EntityID(0), default: []].append(point)
            case (.note, .nextSteps?):
                nextStepPoints.append(point)
            case (.note, _):
                notesByItem[point.item, default: []].append(point)
            case (.question, .nextSteps?):
                // In the next steps' flow, in the order captured, and listed apart for templates.
                nextStepPoints.append(point)
                nextStepQuestions.append(point)
            default:
                byKind[point.kind, default: []].append(point)
            }
        }
        let line = { (point: Point) in Self.pointLine(point, attributed: attributed(point.item)) }
        let themes = { (points: [Point]) in Self.themes(points, attributed: attributed) }

        presentations = items.filter { $0.phase == .presentation }.compactMap { item in
            let points = presentationPoints[item.id] ?? []
            guard !points.isEmpty || item.speaker != nil else { return nil }
            return ItemSection(
                title: NotesText(item.title), speaker: attributed(item.id) ? item.speaker.map(NotesText.init) : nil,
                themes: themes(points)
            )
        }
        let itemOrder: [EntityID?] = items.map(\.id) + [nil]
        discussion = itemOrder.compactMap { id in
            guard let points = notesByItem[id], !points.isEmpty else { return nil }
            let title = NotesText(id.flatMap { session.agenda[$0] }?.title ?? "Other notes")
            return ItemSection(title: title, speaker: nil, themes: themes(points))
        }
        agreement = themes(byKind[.agreement] ?? [])
        divergence = themes(byKind[.divergence] ?? [])
        topics = session.topics.elements.map(Self.topic)
        divergenceParts = (divergence.map { DivergencePart(theme: $0, topic: nil) } + topics.map { DivergencePart(theme: nil, topic: $0) })
            .sorted { ($0.theme?.firstID ?? $0.topic?.id ?? 0) < ($1.theme?.firstID ?? $1.topic?.id ?? 0) }
        hasDivergence = !divergenceParts.isEmpty
        questions = (byKind[.question] ?? []).map(line)

        let rated = session.contexts.elements
        // On a printed page a narrow column would break "4–5" at its dash: there it is held together.
        let printed = if case .picture = chart { true } else { false }
        contexts = rated.map { Self.contextRow($0, guide: session.quadrantGuide, unbreakable: printed) }
        contextGroups = Self.contextGroups(rated, rows: contexts, in: session)
        quadrantChart = rated.contains { !$0.ratings.isEmpty }
            ? MermaidQuadrantChart(contexts: rated, guide: session.quadrantGuide).source
            : nil
        contextChart = switch chart {
        case .mermaid: quadrantChart.map { "```mermaid\n\($0)\n```" }
        case .picture(let placement):
            quadrantChart == nil ? nil : PrintableNotes.figure(ContextChartSVG(contexts: rated, guide: session.quadrantGuide).source,
                                                               placement: placement).joined(separator: "\n")
        }

        votes = session.votes.elements.map { vote in
            VoteResult(question: TypedMarkdown.oneLine(vote.question), dots: vote.dots, voters: vote.ballots.count, open: vote.isOpen,
                       rows: vote.ranked.map { VoteRow(option: TypedMarkdown.oneLine($0.option), dots: $0.dots) })
        }

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

        nextStepNotes = themes(nextStepPoints).map { theme in
            var flow = theme
            // Paragraphs here unless a point was made a bullet.
            let mark = { (line: PointLine) -> PointLine in
                var marked = line
                marked.paragraph = !line.bullet
                return marked
            }
            flow.points = theme.points.map(mark)
            flow.subthemes = theme.subthemes.map { Subtheme(heading: $0.heading, points: $0.points.map(mark)) }
            return flow
        }
        nextQuestions = nextStepQuestions.map(line)
        actions = (byKind[.action] ?? []).map(line)
        carriedActions = carried.filter { $0.kind == .action }.map(line)
        carriedQuestions = carried.filter { $0.kind == .question }.map(line)
        hasCarried = !carried.isEmpty
        hasNextSteps = !nextStepNotes.isEmpty || !nextQuestions.isEmpty || !actions.isEmpty

        let people = session.attendees.elements
        attendees = people.filter { !$0.apologies }.map(Self.person)
        apologies = people.filter(\.apologies).map(Self.person)
    }

    /// Item titles as one line of Markdown: "Keynote, Discussion".
    private static func titles(_ items: [AgendaItem]) -> String {
        items.map { TypedMarkdown.oneLine($0.title) }.joined(separator: ", ")
    }

    private static func pointLine(_ point: Point, attributed: Bool) -> PointLine {
        let tracked = point.kind == .action || point.kind == .question
        let status = point.status.flatMap { $0 == .open || !tracked ? nil : $0.name(for: point.kind) }
        return PointLine(
            text: NotesText(point.text),
            speaker: attributed ? point.speaker.map(NotesText.init) : nil,
            owner: point.kind == .action ? point.owner.map(NotesText.init) : nil,
            due: point.kind == .action ? point.due.map(NotesText.init) : nil,
            status: status,
            answer: point.kind == .question ? point.answer.map(NotesText.init) : nil,
            origin: point.origin.map { link($0.session) },
            boldQuestion: point.kind == .question && !point.text.contains("\n\n"),
            question: point.kind == .question,
            paragraph: point.layout == .paragraph,
            bullet: point.layout == .bullet
        )
    }

    /// A Markdown link to another session's notes, relative, so it works in the reader, on a git
    /// host and beside the notes anywhere they are copied with their folders.
    private static func link(_ session: SessionReference) -> String {
        let label = MarkdownEscaping.inline("\(session.title), \(session.date)")
        let path = session.notesLink.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? session.notesLink
        return "[\(label)](\(path.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")))"
    }

    /// Points grouped by theme: unthemed points first, then each theme in the order it first appears,
    /// and within a theme its own points, then each sub-theme in the order it first appears.
    private static func themes(_ points: [Point], attributed: (EntityID?) -> Bool) -> [Theme] {
        func line(_ point: Point) -> PointLine { pointLine(point, attributed: attributed(point.item)) }
        let themed = points.filter { $0.theme != nil }.groupedInOrder { $0.theme ?? "" }.map { heading, members in
            Theme(
                heading: NotesText(heading), points: members.filter { $0.subtheme == nil }.map(line),
                subthemes: members.filter { $0.subtheme != nil }.groupedInOrder { $0.subtheme ?? "" }
                    .map { Subtheme(heading: NotesText($0.key), points: $0.members.map(line)) },
                firstID: members[0].id.rawValue
            )
        }
        let unthemed = points.filter { $0.theme == nil }
        let loose = unthemed.isEmpty
            ? [] : [Theme(heading: nil, points: unthemed.map(line), subthemes: [], firstID: unthemed[0].id.rawValue)]
        return loose + themed
    }

    /// The contexts' rows by the item they were rated under, in agenda order; titled only when there
    /// are several. `rows` are the rows of `contexts`, in the same order.
    private static func contextGroups(_ contexts: [ContextAssessment], rows: [ContextRow], in session: Session) -> [ContextGroup] {
        let groups = zip(contexts, rows).map { $0 }.groupedInOrder { $0.0.item }
            .sorted { ($0.key.flatMap(session.itemNumber) ?? .max) < ($1.key.flatMap(session.itemNumber) ?? .max) }
        return groups.map { item, members in
            let title = groups.count > 1 ? NotesText(item.flatMap { session.agenda[$0] }?.title ?? "Other contexts") : nil
            return ContextGroup(title: title, rows: members.map(\.1))
        }
    }

    private static func topic(_ topic: DivergenceTopic) -> Topic {
        let cell = TypedMarkdown.oneLine
        let header = "| " + ([cell(topic.rowHeader)] + topic.perspectives.map(cell)).joined(separator: " | ") + " |"
        let separator = "|" + String(repeating: " --- |", count: topic.perspectives.count + 1)
        let rows = topic.dimensions.enumerated().map { row, dimension in
            let cells = topic.perspectives.indices.map { cell(topic.cell(row: row, column: $0)) }
            return "| " + (["**" + cell(dimension) + "**"] + cells).joined(separator: " | ") + " |"
        }
        return Topic(
            title: NotesText(topic.title),
            description: topic.description.allSatisfy(\.isWhitespace) ? nil : NotesText(topic.description),
            header: header, separator: separator, rows: rows,
            caveats: topic.caveats.map(NotesText.init),
            dilemmasLeadIn: topic.dilemmasLeadIn.allSatisfy(\.isWhitespace) ? nil : NotesText(topic.dilemmasLeadIn),
            dilemmas: topic.dilemmas.map { Dilemma(title: NotesText($0.title), text: NotesText($0.text)) },
            hasCaveats: !topic.caveats.isEmpty, hasDilemmas: !topic.dilemmas.isEmpty, id: topic.id.rawValue
        )
    }

    private static func contextRow(_ context: ContextAssessment, guide: [EbrahimQuadrant: QuadrantGuide], unbreakable: Bool) -> ContextRow {
        let cell = TypedMarkdown.oneLine
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
            // One rating, or everyone agreeing, is a value, not a range.
            let axis = { (range: ClosedRange<Int>) in
                // A word joiner either side of the dash: no line break there, and nothing shown.
                range.lowerBound == range.upperBound ? "\(range.lowerBound)"
                    : "\(range.lowerBound)\(unbreakable ? "\u{2060}–\u{2060}" : "–")\(range.upperBound)"
            }
            spread = "\(axis(range.uncertainty)) / \(axis(range.control)) (\(count) rating\(count == 1 ? "" : "s"))"
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
        // Text as Yams represents a string: quoted when it would otherwise read back as something
        // else (a title "yes", "null" or "2026" is a string, not a boolean, nothing or a number).
        let yaml = FrontMatterYAML.self
        var pairs: [(key: String, value: Node)] = [
            ("title", yaml.text(details.title)),
            // Validated as YYYY-MM-DD when the session was created: a YAML date, as site generators
            // and note apps read it.
            ("date", TextRules.isValidDate(details.date) ? yaml.scalar(details.date, .timestamp) : yaml.text(details.date)),
            ("kind", yaml.text(details.kind)),
            ("template", yaml.text(details.template)),
            ("chatham-house", yaml.scalar(details.chathamHouse ? "true" : "false", .bool)),
        ]
        if let series = details.series {
            pairs.append(("series", yaml.text(series)))
        }
        if !details.hosts.isEmpty {
            pairs.append(("hosts", yaml.sequence(details.hosts.map(yaml.text))))
        }
        pairs.append(("attendees", yaml.scalar(String(session.attendees.elements.filter { !$0.apologies }.count), .int)))
        pairs.append(("points", yaml.scalar(String(session.points.count), .int)))
        let text = (try? Yams.serialize(node: yaml.mapping(pairs))) ?? "title: untitled\n"
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// "20 min", or "20 → 25 min" when the session replanned it.
    static func minutes(planned: Int, now: Int) -> String {
        planned == now ? "\(planned) min" : "\(planned) → \(now) min"
    }
}

private extension Array {
    /// The elements grouped by `key`, each group in the order its first element appears, its
    /// members in their own order.
    func groupedInOrder<Key: Hashable>(by key: (Element) -> Key) -> [(key: Key, members: [Element])] {
        var order: [Key] = []
        var members: [Key: [Element]] = [:]
        for element in self {
            let key = key(element)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(element)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
