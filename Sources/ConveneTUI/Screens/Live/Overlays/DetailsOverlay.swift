import ConveneCore

/// The session's heading, over the phase: title, purpose, hosts, and where the Chatham House Rule
/// applies (the session's rule and each agenda item's). What the notes open with, set while the
/// session runs; its prompts open over it and close back to it.
struct DetailsOverlay: LiveOverlay {
    enum Row: Equatable {
        case title, purpose, hosts, sessionRule
        case itemRule(EntityID)
    }

    var selected = 0

    static func rows(in session: Session) -> [Row] {
        [.title, .purpose, .hosts, .sessionRule] + session.agenda.ids.map(Row.itemRule)
    }

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        if case .click(let target) = key {
            if case .entry(let index) = target, Self.rows(in: context.session).indices.contains(index) { selected = index }
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.details) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.details))
        }
        let session = context.session
        let rows = Self.rows(in: session)
        selected = min(selected, rows.count - 1)
        switch action {
        case .close:
            context.close()
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            let move: LiveAction = switch action {
            case .selectPrevious: .selectPrevious
            case .selectNext: .selectNext
            case .selectFirst: .selectFirst
            default: .selectLast
            }
            selected = moved(move, from: selected, count: rows.count) ?? 0
        case .edit:
            return edit(rows[selected], in: &context)
        case .toggleRule:
            return toggleRule(rows[selected], in: &context)
        }
        return []
    }

    /// The refusal to put attributed points under the Rule: how many, where, and how to take the
    /// attributions away. Nil when nothing stands in the way.
    private static func attributionsInTheWay(_ places: [String], in context: inout KeyHandling) -> [LiveEffect]? {
        guard !places.isEmpty else { return nil }
        let speaker = context.keys[.speaker]
        let listed = places.prefix(4).joined(separator: ", ") + (places.count > 4 ? " and \(places.count - 4) more" : "")
        return context.problem("Not under the Rule: \(Counted.phrase(places.count, "attribution")) \(places.count == 1 ? "stands" : "stand") in the way (\(listed)). "
            + "On each item, select the point and press \(speaker), then Enter with the name cleared; \(speaker) with no point selected clears the item's presenter")
    }

    private func edit(_ row: Row, in context: inout KeyHandling) -> [LiveEffect] {
        let details = context.session.details
        switch row {
        case .title:
            context.open(Question(Asking.title, label: "title", text: details.title))
        case .purpose:
            context.open(Question(Asking.purpose, label: "purpose", text: details.purpose))
        case .hosts:
            context.open(Question(Asking.hosts, label: "hosts, separated by commas", text: details.hosts.joined(separator: ", ")))
        case .sessionRule, .itemRule:
            return toggleRule(row, in: &context)
        }
        return []
    }

    /// The session's rule turns on or off (items set on their own keep their setting); an item's
    /// turns to the opposite of what applies to it now, and back to following the session when
    /// that is what it would be anyway.
    private func toggleRule(_ row: Row, in context: inout KeyHandling) -> [LiveEffect] {
        let session = context.session
        switch row {
        case .sessionRule:
            var details = session.details
            details.chathamHouse.toggle()
            if details.chathamHouse, let refusal = Self.attributionsInTheWay(session.speakerAttributionPlaces(), in: &context) {
                return refusal
            }
            return [.apply(.detailsChanged(details: details),
                           saying: details.chathamHouse ? "✓ The session is under the Chatham House Rule" : "✓ The session is attributed")]
        case .itemRule(let id):
            guard var item = session.agenda[id] else { return [] }
            let underRule = !session.isUnderRule(id)
            item.chathamHouse = underRule == session.details.chathamHouse ? nil : underRule
            if underRule, let refusal = Self.attributionsInTheWay(session.speakerAttributionPlaces(in: id), in: &context) {
                return refusal
            }
            let number = session.itemNumber(id).map { "Item \($0)" } ?? "The item"
            return [.apply(.itemChanged(item: item), saying: underRule ? "✓ \(number) is under the Chatham House Rule" : "✓ \(number) is attributed")]
        default:
            return context.notice("r changes where the Chatham House Rule applies; choose the session or an item")
        }
    }

    /// Settles the title, purpose and hosts prompts (opened from here or from the disclosure
    /// review); nil for any other prompt.
    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        var details = context.session.details
        let text = prompt.answer
        guard let asking = prompt.purpose as? Asking else { return nil }
        switch asking {
        case .title:
            guard !text.isEmpty else { return context.problem("A session needs a title") }
            details.title = text
        case .purpose:
            details.purpose = text
        case .hosts:
            details.hosts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard details != context.session.details else { return context.notice("Left as it was") }
        return [.apply(.detailsChanged(details: details), saying: "✓ Saved")]
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.details) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        let session = world.session
        frame.put("Session details", in: rect, style: .heading)
        frame.put(TextLayout.truncate("What the notes open with, and where the Chatham House Rule applies.", to: rect.width),
                  in: rect, row: 1, style: .muted)
        let rows = Self.rows(in: session)
        let labelWidth = 14
        let textWidth = max(10, rect.width - labelWidth - 2)
        ListView(noun: ("row", "rows"), keys: keys.listMarks).draw(count: rows.count, focus: .selected(min(selected, rows.count - 1)), into: &frame,
                                              in: rect.inset(top: 3)) { index in
            let (label, value, style) = Self.describe(rows[index], in: session)
            // A long purpose shows its first lines, wrapped; the prompt shows all of it.
            let lines = Array(WordWrap.lines(value.isEmpty ? "—" : value, width: textWidth).prefix(rows[index] == .purpose ? 4 : 1))
            return lines.enumerated().map { offset, line in
                ListRow(TextLayout.pad(offset == 0 ? label : "", to: labelWidth) + "  " + line, style: value.isEmpty ? .muted : style,
                        highlights: offset == 0)
            }
        }
    }

    private static func describe(_ row: Row, in session: Session) -> (String, String, Style) {
        let details = session.details
        switch row {
        case .title: return ("Title", details.title, .plain)
        case .purpose: return ("Purpose", details.purpose, .plain)
        case .hosts: return ("Hosts", details.hosts.joined(separator: ", "), .plain)
        case .sessionRule:
            return ("Rule", details.chathamHouse ? "Chatham House Rule: nothing is attributed" : "attributed: speakers may be named", .plain)
        case .itemRule(let id):
            guard let item = session.agenda[id] else { return ("", "", .plain) }
            let number = session.itemNumber(id) ?? 0
            let rule = session.isUnderRule(id) ? "under the Rule" : "attributed"
            let own = item.chathamHouse == nil ? " (as the session)" : ""
            return ("  item \(number)", "\(item.title) · \(rule)\(own)", item.chathamHouse == nil ? .muted : .plain)
        }
    }
}

extension DetailsOverlay {
    /// What the details ask (also opened from the disclosure review): the session's heading.
    enum Asking: QuestionPurpose, Equatable {
        /// The session's title, purpose (paragraphs and lists) and hosts (comma-separated).
        case title, purpose, hosts

        var allowsLineBreaks: Bool { self == .purpose }
    }
}
