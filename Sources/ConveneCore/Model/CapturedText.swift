/// Where in a session a piece of text was captured: stable enough to acknowledge a finding by, and
/// precise enough to take a person to it.
public struct TextLocation: Hashable, Sendable, CustomStringConvertible {
    /// The point, topic, context or agenda item holding the text.
    public var entity: EntityID
    /// Which part of it, e.g. `cell-2-1`; empty for a point's text.
    public var part: String
    /// How a person would name the place, e.g. "point 12 (Agreement, theme ‘Context’)".
    public var label: String

    /// A short, stable name for the place: `point-12`, `topic-7/cell-2-1`.
    public var key: String { part.isEmpty ? "\(kindName)-\(entity)" : "\(kindName)-\(entity)/\(part)" }

    let kindName: String

    public var description: String { label }
}

/// One piece of text a person typed into the session.
public struct CapturedText: Sendable {
    public var location: TextLocation
    public var text: String
    /// The agenda item it was captured under: whether the Chatham House Rule covers it.
    public var item: EntityID?
}

extension Session {
    /// Everything typed during the session, in record order: points, divergence tables, contexts and
    /// checklist responses. The session's heading (title, purpose, attendees) is not part of it.
    public var capturedTexts: [CapturedText] {
        var texts: [CapturedText] = []
        for point in points.elements {
            var label = "point \(point.id) (\(point.kind.displayName)"
            if let theme = point.theme { label += ", theme ‘\(theme)’" }
            if let item = point.item.flatMap({ agenda[$0] }) { label += ", under ‘\(item.title)’" }
            let location = TextLocation(entity: point.id, part: "", label: label + ")", kindName: "point")
            texts.append(CapturedText(location: location, text: point.text, item: point.item))
            if let theme = point.theme {
                let themeLocation = TextLocation(entity: point.id, part: "theme", label: "theme of point \(point.id)", kindName: "point")
                texts.append(CapturedText(location: themeLocation, text: theme, item: point.item))
            }
            if let subtheme = point.subtheme {
                let location = TextLocation(entity: point.id, part: "subtheme", label: "sub-theme of point \(point.id)", kindName: "point")
                texts.append(CapturedText(location: location, text: subtheme, item: point.item))
            }
        }
        for topic in topics.elements { texts += topic.capturedTexts }
        for context in contexts.elements {
            let name = "context ‘\(context.name)’"
            let nameLocation = TextLocation(entity: context.id, part: "name", label: name, kindName: "context")
            texts.append(CapturedText(location: nameLocation, text: context.name, item: context.item))
            if !context.description.isEmpty {
                let location = TextLocation(entity: context.id, part: "description", label: "description of \(name)", kindName: "context")
                texts.append(CapturedText(location: location, text: context.description, item: context.item))
            }
        }
        for item in agenda.elements {
            for (index, response) in item.responses.enumerated() where !response.isEmpty {
                let prompt = item.checklist.indices.contains(index) ? item.checklist[index] : "prompt \(index + 1)"
                let label = "response to ‘\(prompt)’ in ‘\(item.title)’"
                let location = TextLocation(entity: item.id, part: "response-\(index + 1)", label: label, kindName: "item")
                texts.append(CapturedText(location: location, text: response, item: item.id))
            }
        }
        return texts
    }
}

extension DivergenceTopic {
    var capturedTexts: [CapturedText] {
        let name = "divergence topic ‘\(title)’"
        func text(_ part: String, _ label: String, _ value: String) -> CapturedText {
            CapturedText(location: TextLocation(entity: id, part: part, label: label, kindName: "topic"), text: value, item: item)
        }
        var texts = [text("title", name, title)]
        if !rowHeader.isEmpty { texts.append(text("row-header", "row header of \(name)", rowHeader)) }
        if !description.isEmpty { texts.append(text("description", "description of \(name)", description)) }
        for (column, perspective) in perspectives.enumerated() {
            texts.append(text("perspective-\(column + 1)", "perspective \(column + 1) of \(name)", perspective))
        }
        for (row, dimension) in dimensions.enumerated() {
            texts.append(text("dimension-\(row + 1)", "dimension ‘\(dimension)’ of \(name)", dimension))
            for column in perspectives.indices where !cell(row: row, column: column).isEmpty {
                let label = "cell ‘\(dimension)’ × perspective \(column + 1) of \(name)"
                texts.append(text("cell-\(row + 1)-\(column + 1)", label, cell(row: row, column: column)))
            }
        }
        for (index, caveat) in caveats.enumerated() {
            texts.append(text("caveat-\(index + 1)", "caveat \(index + 1) of \(name)", caveat))
        }
        for (index, dilemma) in dilemmas.enumerated() {
            texts.append(text("dilemma-\(index + 1)", "dilemma ‘\(dilemma.title)’ of \(name)", dilemma.title + "\n" + dilemma.text))
        }
        return texts
    }
}
