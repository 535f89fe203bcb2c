extension Session {
    /// Everything typed into the session, in record order: its title and purpose, points, divergence
    /// tables, contexts and checklist responses. Each is labelled the way the live screen shows it
    /// ("item 3 · point 2 · ‘Hatch noted…’"), by position, never by internal id.
    public var capturedTexts: [CapturedText] { capturedTexts(labelled: true) }

    /// The same texts; unlabelled, the labels are empty. The disclosure check reads every text but
    /// names only the few places it finds, with `label(for:)`: labelling 20,000 texts it will not
    /// show would cost more than reading them.
    func capturedTexts(labelled: Bool) -> [CapturedText] {
        var texts: [CapturedText] = []
        func heading(_ part: String, _ text: String) {
            guard !text.isEmpty else { return }
            let location = TextLocation(entity: EntityID(0), part: part, label: labelled ? Self.headingLabel(part) : "", kindName: "session")
            texts.append(CapturedText(location: location, text: text, item: nil))
        }
        heading("title", details.title)
        heading("purpose", details.purpose)
        for item in [nil] + agenda.ids {
            let place = labelled ? itemLabel(item) : ""
            for (offset, id) in pointIDs(in: item).enumerated() {
                guard let point = points[id] else { continue }
                for (part, text) in Self.parts(of: point) {
                    let label = labelled ? Self.pointLabel(place: place, ordinal: offset + 1, part: part, point: point) : ""
                    texts.append(CapturedText(location: TextLocation(entity: id, part: part, label: label, kindName: "point"), text: text, item: item))
                }
            }
        }
        for topic in topics.elements { texts += topic.capturedTexts(at: labelled ? itemLabel(topic.item) : nil) }
        for context in contexts.elements {
            let place = labelled ? itemLabel(context.item) : ""
            for (part, text) in [("name", context.name), ("description", context.description)] where !text.isEmpty {
                let label = labelled ? Self.contextLabel(place: place, part: part, context: context) : ""
                texts.append(CapturedText(location: TextLocation(entity: context.id, part: part, label: label, kindName: "context"),
                                          text: text, item: context.item))
            }
        }
        for item in agenda.elements {
            let place = labelled ? itemLabel(item.id) : ""
            for (index, response) in item.responses.enumerated() where !response.isEmpty {
                let label = labelled ? Self.responseLabel(place: place, item: item, index: index) : ""
                let location = TextLocation(entity: item.id, part: "response-\(index + 1)", label: label, kindName: "item")
                texts.append(CapturedText(location: location, text: response, item: item.id))
            }
        }
        return texts
    }

    /// How a person finds `location` on screen: the label `capturedTexts` gives it.
    func label(for location: TextLocation) -> String {
        let id = location.entity
        switch location.kindName {
        case "session":
            return Self.headingLabel(location.part)
        case "point":
            guard let point = points[id], let offset = pointIDs(in: point.item).firstIndex(of: id) else { return location.key }
            return Self.pointLabel(place: itemLabel(point.item), ordinal: offset + 1, part: location.part, point: point)
        case "topic":
            guard let topic = topics[id] else { return location.key }
            return topic.capturedTexts(at: itemLabel(topic.item)).first { $0.location.part == location.part }?.location.label ?? location.key
        case "context":
            guard let context = contexts[id] else { return location.key }
            return Self.contextLabel(place: itemLabel(context.item), part: location.part, context: context)
        default:
            guard let item = agenda[id], let number = Int(location.part.dropFirst("response-".count)) else { return location.key }
            return Self.responseLabel(place: itemLabel(id), item: item, index: number - 1)
        }
    }

    /// "item 3", as the agenda numbers it; "no item" for what was captured before the agenda began.
    /// Where a point is, as every command and screen names it: "item 3 · point 2" (the second
    /// point captured under the third agenda item); nil for no such point.
    public func place(ofPoint id: EntityID) -> String? {
        guard let point = points[id], let offset = pointIDs(in: point.item).firstIndex(of: id) else { return nil }
        return "\(itemLabel(point.item)) · point \(offset + 1)"
    }

    func itemLabel(_ item: EntityID?) -> String {
        item.flatMap(itemNumber).map { "item \($0)" } ?? "no item"
    }

    private static func parts(of point: Point) -> [(String, String)] {
        // Most points have their text alone: one small array each, as every check reads them all.
        var parts = [("", point.text)]
        if let theme = point.theme { parts.append(("theme", theme)) }
        if let subtheme = point.subtheme { parts.append(("subtheme", subtheme)) }
        if let answer = point.answer { parts.append(("answer", answer)) }
        return parts
    }

    private static func headingLabel(_ part: String) -> String { "session \(part)" }

    private static func pointLabel(place: String, ordinal: Int, part: String, point: Point) -> String {
        let prefix = "\(place) · point \(ordinal)"
        switch part {
        case "theme": return "\(prefix) · theme ‘\(point.theme ?? "")’"
        case "subtheme": return "\(prefix) · sub-theme ‘\(point.subtheme ?? "")’"
        case "answer": return "\(prefix) · answer"
        default: return "\(prefix) · \(opening(point.text))"
        }
    }

    private static func contextLabel(place: String, part: String, context: ContextAssessment) -> String {
        "\(place) · context ‘\(context.name)’" + (part == "description" ? " · description" : "")
    }

    private static func responseLabel(place: String, item: AgendaItem, index: Int) -> String {
        let prompt = item.checklist.indices.contains(index) ? item.checklist[index] : "prompt \(index + 1)"
        return "\(place) · answer to ‘\(prompt)’"
    }

    /// The first words of a text, on one line, to recognise it by: ‘Hatch noted that…’.
    static func opening(_ text: String) -> String {
        // Only the head is needed: a long text is not split whole for its first words.
        var head = ""
        var count = 0
        for character in text.prefix(29) {
            head.append(character.isNewline ? " " : character)
            count += 1
        }
        guard count > 28 else { return "‘\(head)’" }
        return "‘\(trimmingSpaces(head.prefix(27)))…’"
    }

    /// `text` without the spaces at either end, as Foundation's `trimmingCharacters(in:
    /// .whitespaces)` leaves it: Unicode's space separators, tab, and the zero width space (a
    /// separator in Unicode's early versions, still one to Foundation). Without its character
    /// sets, whose first use cost more than indexing the rest of a short session.
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension DivergenceTopic {
    /// The topic's texts, labelled under `item` ("item 4"); unlabelled when `item` is nil.
    func capturedTexts(at item: String?) -> [CapturedText] {
        let name = item.map { "\($0) · divergence ‘\(title)’" }
        func text(_ part: String, _ label: @autoclosure () -> String, _ value: String) -> CapturedText {
            let label = name == nil ? "" : label()
            return CapturedText(location: TextLocation(entity: id, part: part, label: label, kindName: "topic"), text: value, item: self.item)
        }
        let place = name ?? ""
        var texts = [text("title", place, title)]
        if !rowHeader.isEmpty { texts.append(text("row-header", "\(place) · row header", rowHeader)) }
        if !description.isEmpty { texts.append(text("description", "\(place) · description", description)) }
        for (column, perspective) in perspectives.enumerated() {
            texts.append(text("perspective-\(column + 1)", "\(place) · column \(column + 1) heading", perspective))
        }
        for (row, dimension) in dimensions.enumerated() {
            texts.append(text("dimension-\(row + 1)", "\(place) · row ‘\(dimension)’", dimension))
            for column in perspectives.indices where !cell(row: row, column: column).isEmpty {
                texts.append(text("cell-\(row + 1)-\(column + 1)", "\(place) · row ‘\(dimension)’, column \(column + 1)", cell(row: row, column: column)))
            }
        }
        for (index, caveat) in caveats.enumerated() {
            texts.append(text("caveat-\(index + 1)", "\(place) · caveat \(index + 1)", caveat))
        }
        if !dilemmasLeadIn.isEmpty { texts.append(text("dilemmas-lead-in", "\(place) · lead-in to the dilemmas", dilemmasLeadIn)) }
        for (index, dilemma) in dilemmas.enumerated() {
            texts.append(text("dilemma-\(index + 1)", "\(place) · dilemma ‘\(dilemma.title)’", dilemma.title + "\n" + dilemma.text))
        }
        return texts
    }
}
