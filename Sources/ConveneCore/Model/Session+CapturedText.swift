extension Session {
    /// Everything typed into the session, in record order: its title and purpose, points, divergence
    /// tables, contexts and checklist responses. Each is labelled the way the live screen shows it
    /// ("item 3 · point 2 · ‘Hatch noted…’"), by position, never by internal id.
    public var capturedTexts: [CapturedText] {
        var texts: [CapturedText] = []
        func heading(_ part: String, _ label: String, _ text: String) {
            guard !text.isEmpty else { return }
            texts.append(CapturedText(location: TextLocation(entity: EntityID(0), part: part, label: label, kindName: "session"), text: text, item: nil))
        }
        heading("title", "session title", details.title)
        heading("purpose", "session purpose", details.purpose)
        for item in [nil] + agenda.ids {
            for (offset, id) in pointIDs(in: item).enumerated() {
                guard let point = points[id] else { continue }
                let place = "\(itemLabel(item)) · point \(offset + 1)"
                func add(_ part: String, _ label: String, _ text: String) {
                    texts.append(CapturedText(location: TextLocation(entity: id, part: part, label: label, kindName: "point"), text: text, item: item))
                }
                add("", "\(place) · \(Self.opening(point.text))", point.text)
                if let theme = point.theme { add("theme", "\(place) · theme ‘\(theme)’", theme) }
                if let subtheme = point.subtheme { add("subtheme", "\(place) · sub-theme ‘\(subtheme)’", subtheme) }
            }
        }
        for topic in topics.elements { texts += topic.capturedTexts(at: itemLabel(topic.item)) }
        for context in contexts.elements {
            let place = "\(itemLabel(context.item)) · context ‘\(context.name)’"
            texts.append(CapturedText(location: TextLocation(entity: context.id, part: "name", label: place, kindName: "context"),
                                      text: context.name, item: context.item))
            if !context.description.isEmpty {
                let location = TextLocation(entity: context.id, part: "description", label: "\(place) · description", kindName: "context")
                texts.append(CapturedText(location: location, text: context.description, item: context.item))
            }
        }
        for item in agenda.elements {
            for (index, response) in item.responses.enumerated() where !response.isEmpty {
                let prompt = item.checklist.indices.contains(index) ? item.checklist[index] : "prompt \(index + 1)"
                let label = "\(itemLabel(item.id)) · answer to ‘\(prompt)’"
                let location = TextLocation(entity: item.id, part: "response-\(index + 1)", label: label, kindName: "item")
                texts.append(CapturedText(location: location, text: response, item: item.id))
            }
        }
        return texts
    }

    /// "item 3", as the agenda numbers it; "no item" for what was captured before the agenda began.
    func itemLabel(_ item: EntityID?) -> String {
        item.flatMap(itemNumber).map { "item \($0)" } ?? "no item"
    }

    /// The first words of a text, on one line, to recognise it by: ‘Hatch noted that…’.
    static func opening(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > 28 else { return "‘\(line)’" }
        return "‘\(line.prefix(27).trimmingCharacters(in: .whitespaces))…’"
    }
}

extension DivergenceTopic {
    func capturedTexts(at item: String) -> [CapturedText] {
        let name = "\(item) · divergence ‘\(title)’"
        func text(_ part: String, _ label: String, _ value: String) -> CapturedText {
            CapturedText(location: TextLocation(entity: id, part: part, label: label, kindName: "topic"), text: value, item: self.item)
        }
        var texts = [text("title", name, title)]
        if !rowHeader.isEmpty { texts.append(text("row-header", "\(name) · row header", rowHeader)) }
        if !description.isEmpty { texts.append(text("description", "\(name) · description", description)) }
        for (column, perspective) in perspectives.enumerated() {
            texts.append(text("perspective-\(column + 1)", "\(name) · column \(column + 1) heading", perspective))
        }
        for (row, dimension) in dimensions.enumerated() {
            texts.append(text("dimension-\(row + 1)", "\(name) · row ‘\(dimension)’", dimension))
            for column in perspectives.indices where !cell(row: row, column: column).isEmpty {
                let label = "\(name) · row ‘\(dimension)’, column \(column + 1)"
                texts.append(text("cell-\(row + 1)-\(column + 1)", label, cell(row: row, column: column)))
            }
        }
        for (index, caveat) in caveats.enumerated() {
            texts.append(text("caveat-\(index + 1)", "\(name) · caveat \(index + 1)", caveat))
        }
        for (index, dilemma) in dilemmas.enumerated() {
            texts.append(text("dilemma-\(index + 1)", "\(name) · dilemma ‘\(dilemma.title)’", dilemma.title + "\n" + dilemma.text))
        }
        return texts
    }
}
