/// The checks each kind of value must pass before the reducer lets it into the session.
extension Session {
    func validate(_ details: SessionDetails) throws(SessionError) {
        try TextRules.check(details.title, field: "title", singleLine: true)
        try TextRules.check(details.kind, field: "kind", allowEmpty: true, singleLine: true)
        try TextRules.check(details.purpose, field: "purpose", allowEmpty: true)
        for host in details.hosts { try TextRules.check(host, field: "host", singleLine: true) }
        try TextRules.checkOptional(details.series, field: "series")
        guard TextRules.isValidDate(details.date) else { throw .invalidDate(details.date) }
        if let previous = details.previous { try validate(previous) }
        if let next = details.next { try validate(next) }
    }

    func validate(_ attendee: Attendee) throws(SessionError) {
        try TextRules.check(attendee.name, field: "attendee's name", singleLine: true)
        try TextRules.checkOptional(attendee.organisation, field: "organisation")
        for alias in attendee.aliases ?? [] { try TextRules.check(alias, field: "alias", singleLine: true) }
    }

    /// - Parameter chathamHouse: the session's rule, which the item follows unless it says otherwise.
    func validate(_ item: AgendaItem, chathamHouse: Bool) throws(SessionError) {
        try TextRules.check(item.title, field: "agenda item's title", singleLine: true)
        try TextRules.check(item.prompt, field: "prompt", allowEmpty: true)
        guard (0...1440).contains(item.minutes) else { throw .invalidTimebox(item.minutes) }
        if let replanned = item.replannedMinutes, !(0...1440).contains(replanned) { throw .invalidTimebox(replanned) }
        if item.speaker != nil && item.isUnderRule(sessionRule: chathamHouse) { throw .speakerUnderChathamHouse }
        try TextRules.checkOptional(item.speaker, field: "speaker")
        for prompt in item.checklist { try TextRules.check(prompt, field: "checklist prompt") }
        for response in item.responses { try TextRules.check(response, field: "checklist response", allowEmpty: true) }
        if item.responses.count > item.checklist.count { throw .responsesExceedPrompts(item: item.id) }
    }

    func validate(_ point: Point) throws(SessionError) {
        try TextRules.check(point.text, field: "point's text")
        try TextRules.checkOptional(point.theme, field: "theme")
        try TextRules.checkOptional(point.subtheme, field: "sub-theme")
        if point.subtheme != nil && point.theme == nil { throw .subthemeWithoutTheme }
        if point.speaker != nil && isUnderRule(point.item) { throw .speakerUnderChathamHouse }
        try TextRules.checkOptional(point.speaker, field: "speaker")
        try TextRules.checkOptional(point.owner, field: "owner")
        if let due = point.due, !TextRules.isValidDate(due) { throw .invalidDate(due) }
        if let answer = point.answer { try TextRules.check(answer, field: "answer") }
        if let origin = point.origin { try validate(origin.session) }
        try requireItem(point.item)
    }

    func validate(_ vote: Vote) throws(SessionError) {
        try TextRules.check(vote.question, field: "vote's question", singleLine: true)
        guard Vote.optionLimit.contains(vote.options.count) else { throw .voteOptions(count: vote.options.count) }
        for option in vote.options { try TextRules.check(option, field: "vote's option", singleLine: true) }
        guard Vote.dotLimit.contains(vote.dots) else { throw .voteDots(vote.dots) }
        for ballot in vote.ballots { try validate(ballot, in: vote) }
        try requireItem(vote.item)
    }

    func validate(_ ballot: Ballot, in vote: Vote) throws(SessionError) {
        guard ballot.dots.count == vote.options.count, ballot.dots.allSatisfy({ $0 >= 0 }), ballot.dots.reduce(0, +) <= vote.dots,
              !ballot.token.isEmpty, ballot.token.count <= 64 else {
            throw .ballot(dots: vote.dots, options: vote.options.count)
        }
    }

    func validate(_ proposal: Proposal) throws(SessionError) {
        try TextRules.check(proposal.text, field: "proposal's text")
        try requireItem(proposal.item)
    }

    func validate(_ reference: SessionReference) throws(SessionError) {
        try TextRules.check(reference.folder, field: "linked session's folder", singleLine: true)
        // A folder name, never a path: the link must stay inside the sessions folder.
        if reference.folder.contains("/") || reference.folder.hasPrefix(".") { throw .invalidFolderName(reference.folder) }
        try TextRules.check(reference.title, field: "linked session's title", singleLine: true)
        if !TextRules.isValidDate(reference.date) { throw .invalidDate(reference.date) }
    }

    func validate(_ topic: DivergenceTopic) throws(SessionError) {
        try TextRules.check(topic.title, field: "topic", singleLine: true)
        try TextRules.check(topic.description, field: "topic's description", allowEmpty: true)
        try TextRules.check(topic.rowHeader, field: "row header", allowEmpty: true)
        for perspective in topic.perspectives { try TextRules.check(perspective, field: "perspective", allowEmpty: true) }
        for dimension in topic.dimensions { try TextRules.check(dimension, field: "dimension") }
        if topic.cells.count > topic.dimensions.count {
            throw .malformedTable("\(topic.cells.count) rows of cells for \(topic.dimensions.count) dimensions")
        }
        for row in topic.cells {
            if row.count > topic.perspectives.count {
                throw .malformedTable("a row has \(row.count) cells for \(topic.perspectives.count) perspectives")
            }
            for cell in row { try TextRules.check(cell, field: "table cell", allowEmpty: true) }
        }
        for caveat in topic.caveats { try TextRules.check(caveat, field: "caveat") }
        try TextRules.check(topic.dilemmasLeadIn, field: "lead-in to the dilemmas", allowEmpty: true)
        for dilemma in topic.dilemmas {
            try TextRules.check(dilemma.title, field: "dilemma", singleLine: true)
            try TextRules.check(dilemma.text, field: "dilemma's text", allowEmpty: true)
        }
        try requireItem(topic.item)
    }

    func validate(_ context: ContextAssessment) throws(SessionError) {
        try TextRules.check(context.name, field: "context's name", singleLine: true)
        try TextRules.check(context.description, field: "context's description", allowEmpty: true)
        for rating in context.ratings {
            guard Rating.scale.contains(rating.uncertainty) else {
                throw .ratingOutOfRange(axis: "uncertainty about cause and effect", value: rating.uncertainty)
            }
            guard Rating.scale.contains(rating.control) else {
                throw .ratingOutOfRange(axis: "control over outcomes", value: rating.control)
            }
        }
        try requireItem(context.item)
    }

    private func requireItem(_ id: EntityID?) throws(SessionError) {
        if let id, !agenda.contains(id) { throw .unknown(what: "agenda item", id: id) }
    }

    /// Whether any kind of thing in the session already carries `id`.
    func isInUse(_ id: EntityID) -> Bool {
        attendees.contains(id) || agenda.contains(id) || points.contains(id) || topics.contains(id) || contexts.contains(id)
            || proposals.contains(id) || votes.contains(id)
    }

    /// How many points, topics and contexts were captured under agenda item `id`.
    func uses(ofItem id: EntityID) -> Int {
        points.elements.filter { $0.item == id }.count
            + topics.elements.filter { $0.item == id }.count
            + contexts.elements.filter { $0.item == id }.count
    }

    /// Where the attributions that keep the session from going under the Rule are, as the live
    /// screen names them ("item 2 · point 3", "item 2 · presenter"): those in parts that follow
    /// the session's rule (an item that sets its own keeps it); `item` for one item's.
    public func speakerAttributionPlaces(in item: EntityID? = nil) -> [String] {
        let inherits = { (id: EntityID?) in id.flatMap { self.agenda[$0]?.chathamHouse } == nil }
        let items: [EntityID?] = item.map { [$0] } ?? agenda.ids.filter { inherits($0) } + [nil]
        var places: [String] = []
        for id in items {
            let label = itemLabel(id)
            if id.flatMap({ agenda[$0]?.speaker }) != nil { places.append("\(label) · presenter") }
            for (offset, pointID) in pointIDs(in: id).enumerated() where points[pointID]?.speaker != nil {
                places.append("\(label) · point \(offset + 1)")
            }
        }
        return places
    }

    /// Points attributed to a speaker under `item`: what stops the item being put under the Rule.
    func speakerAttributions(in item: EntityID) -> Int {
        pointIDs(in: item).filter { points[$0]?.speaker != nil }.count
    }
}
