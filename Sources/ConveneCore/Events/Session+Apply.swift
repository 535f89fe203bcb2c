/// The reducer: the one place a session changes.
extension Session {
    /// Applies `event` and returns the event that exactly undoes it.
    ///
    /// Every check runs before anything is changed, so a refused event leaves the session as it was,
    /// and the session is changed in place: applying an event costs the same at 10 or 10,000 points.
    @discardableResult
    public mutating func apply(_ event: SessionEvent) throws(SessionError) -> SessionEvent {
        if case .created(let setup) = event { return try create(setup) }
        guard isCreated else { throw .notCreated }

        switch event {
        case .created:
            throw .alreadyCreated

        case .detailsChanged(let new):
            try validate(new)
            if new.chathamHouse && !details.chathamHouse {
                let attributions = speakerAttributionPlaces().count
                if attributions > 0 { throw .speakersRecorded(count: attributions) }
            }
            let old = details
            details = new
            return .detailsChanged(details: old)

        case .attendeeAdded(let attendee, let position):
            try validate(attendee)
            try insert(attendee, at: position, into: \.attendees)
            return .attendeeRemoved(id: attendee.id)
        case .attendeeChanged(let attendee):
            try validate(attendee)
            return .attendeeChanged(attendee: try replace(attendee, in: \.attendees, named: "attendee"))
        case .attendeeRemoved(let id):
            let (old, position) = try remove(id, from: \.attendees, named: "attendee")
            return .attendeeAdded(attendee: old, at: position)

        case .itemAdded(let item, let position):
            try validate(item, chathamHouse: details.chathamHouse)
            try insert(item, at: position, into: \.agenda)
            return .itemRemoved(id: item.id)
        case .itemChanged(let item):
            try validate(item, chathamHouse: details.chathamHouse)
            try checkRuleChange(item)
            return .itemChanged(item: try replace(item, in: \.agenda, named: "agenda item"))
        case .itemsChanged(let items):
            for item in items {
                try validate(item, chathamHouse: details.chathamHouse)
                guard agenda.contains(item.id) else { throw .unknown(what: "agenda item", id: item.id) }
                try checkRuleChange(item)
            }
            let old = items.compactMap { agenda[$0.id] }
            for item in items { agenda.replace(item) }
            return .itemsChanged(items: old)
        case .itemMoved(let id, let position):
            guard let from = agenda.index(of: id) else { throw .unknown(what: "agenda item", id: id) }
            agenda.move(id, to: position)
            return .itemMoved(id: id, to: from)
        case .itemRemoved(let id):
            let uses = uses(ofItem: id)
            if uses > 0 { throw .itemInUse(id: id, uses: uses) }
            let (old, position) = try remove(id, from: \.agenda, named: "agenda item")
            return .itemAdded(item: old, at: position)

        case .pointAdded(let point, let position):
            try validate(point)
            try insert(point, at: position, into: \.points)
            if position == nil || position == points.count - 1 {
                pointsByItem[point.item, default: []].append(point.id)
            } else {
                reindexPoints(of: point.item)
            }
            return .pointRemoved(id: point.id)
        case .pointChanged(let point):
            try validate(point)
            let old = try replace(point, in: \.points, named: "point")
            if old.item != point.item {
                reindexPoints(of: old.item)
                reindexPoints(of: point.item)
            }
            return .pointChanged(point: old)
        case .pointRemoved(let id):
            let (old, position) = try remove(id, from: \.points, named: "point")
            pointsByItem[old.item]?.removeAll { $0 == id }
            return .pointAdded(point: old, at: position)
        case .pointMoved(let id, let position):
            guard let from = points.index(of: id), let point = points[id] else { throw .unknown(what: "point", id: id) }
            points.move(id, to: position)
            reindexPoints(of: point.item)
            return .pointMoved(id: id, to: from)

        case .topicAdded(let topic, let position):
            try validate(topic)
            try insert(topic, at: position, into: \.topics)
            return .topicRemoved(id: topic.id)
        case .topicChanged(let topic):
            try validate(topic)
            return .topicChanged(topic: try replace(topic, in: \.topics, named: "divergence topic"))
        case .topicRemoved(let id):
            let (old, position) = try remove(id, from: \.topics, named: "divergence topic")
            return .topicAdded(topic: old, at: position)

        case .contextAdded(let context, let position):
            try validate(context)
            try insert(context, at: position, into: \.contexts)
            return .contextRemoved(id: context.id)
        case .contextChanged(let context):
            try validate(context)
            return .contextChanged(context: try replace(context, in: \.contexts, named: "context"))
        case .contextRemoved(let id):
            let (old, position) = try remove(id, from: \.contexts, named: "context")
            return .contextAdded(context: old, at: position)

        case .ratingAdded(let id, let rating, let position):
            guard var context = contexts[id] else { throw .unknown(what: "context", id: id) }
            let index = position ?? context.ratings.count
            guard context.ratings.indices.contains(index) || index == context.ratings.count else { throw .unknown(what: "rating of context", id: id) }
            context.ratings.insert(rating, at: index)
            try validate(context)
            contexts.replace(context)
            return .ratingRemoved(context: id, at: index)
        case .ratingRemoved(let id, let index):
            guard var context = contexts[id] else { throw .unknown(what: "context", id: id) }
            guard context.ratings.indices.contains(index) else { throw .unknown(what: "rating of context", id: id) }
            let rating = context.ratings.remove(at: index)
            contexts.replace(context)
            return .ratingAdded(context: id, rating: rating, at: index)

        case .proposalAdded(let proposal, let position):
            try validate(proposal)
            try insert(proposal, at: position, into: \.proposals)
            return .proposalRemoved(id: proposal.id)
        case .proposalRemoved(let id):
            let (old, position) = try remove(id, from: \.proposals, named: "proposal")
            return .proposalAdded(proposal: old, at: position)

        case .voteAdded(let vote, let position):
            try validate(vote)
            try insert(vote, at: position, into: \.votes)
            return .voteRemoved(id: vote.id)
        case .voteChanged(let vote):
            try validate(vote)
            return .voteChanged(vote: try replace(vote, in: \.votes, named: "vote"))
        case .voteRemoved(let id):
            let (old, position) = try remove(id, from: \.votes, named: "vote")
            return .voteAdded(vote: old, at: position)
        case .ballotCast(let id, let ballot):
            guard var vote = votes[id] else { throw .unknown(what: "vote", id: id) }
            guard vote.isOpen else { throw .voteClosed }
            try validate(ballot, in: vote)
            let earlier = vote.ballots.firstIndex { $0.token == ballot.token }
            let inverse: SessionEvent = earlier.map { .ballotCast(vote: id, ballot: vote.ballots[$0]) } ?? .ballotWithdrawn(vote: id, token: ballot.token)
            if let earlier { vote.ballots[earlier] = ballot } else { vote.ballots.append(ballot) }
            votes.replace(vote)
            return inverse
        case .ballotWithdrawn(let id, let token):
            guard var vote = votes[id], let index = vote.ballots.firstIndex(where: { $0.token == token }) else {
                throw .unknown(what: "ballot in vote", id: id)
            }
            let old = vote.ballots.remove(at: index)
            votes.replace(vote)
            return .ballotCast(vote: id, ballot: old)

        case .findingAcknowledged(let key):
            try TextRules.check(key, field: "finding", singleLine: true)
            let inserted = acknowledgedFindings.insert(key).inserted
            return inserted ? .findingUnacknowledged(key: key) : .findingAcknowledged(key: key)
        case .batch(let events):
            // Applied to a copy so that a refused change leaves the session as it was.
            var changed = self
            var inverses: [SessionEvent] = []
            for event in events {
                if case .created = event { throw .alreadyCreated }
                inverses.append(try changed.apply(event))
            }
            self = changed
            return .batch(events: inverses.reversed())
        case .findingUnacknowledged(let key):
            let removed = acknowledgedFindings.remove(key) != nil
            return removed ? .findingAcknowledged(key: key) : .findingUnacknowledged(key: key)
        }
    }

    /// An item put under the Rule must have no attributed points.
    private func checkRuleChange(_ item: AgendaItem) throws(SessionError) {
        guard item.isUnderRule(sessionRule: details.chathamHouse), !isUnderRule(item.id) else { return }
        let count = speakerAttributions(in: item.id)
        if count > 0 { throw .speakersRecorded(count: count) }
    }

    /// Rebuilds one item's point list from the record order: for the rare edits that reorder.
    private mutating func reindexPoints(of item: EntityID?) {
        pointsByItem[item] = points.ids.filter { points[$0]?.item == item }
    }

    private mutating func create(_ setup: SessionSetup) throws(SessionError) -> SessionEvent {
        guard !isCreated else { throw .alreadyCreated }
        try validate(setup.details)
        var seen = Set<EntityID>()
        for item in setup.agenda {
            try validate(item, chathamHouse: setup.details.chathamHouse)
            guard EntityID.valid.contains(item.id.rawValue) else { throw .idOutOfRange(item.id) }
            guard seen.insert(item.id).inserted else { throw .duplicateID(item.id) }
        }
        details = setup.details
        agenda = OrderedStore(setup.agenda)
        quadrantGuide = setup.quadrantGuide
        lastID = setup.agenda.map(\.id.rawValue).max() ?? 0
        isCreated = true
        // A session is never un-created; undo stops at its creation.
        return .created(setup: setup)
    }

    private mutating func insert<Element>(
        _ element: Element, at position: Int?, into store: WritableKeyPath<Session, OrderedStore<Element>>
    ) throws(SessionError) {
        guard EntityID.valid.contains(element.id.rawValue) else { throw .idOutOfRange(element.id) }
        guard !isInUse(element.id) else { throw .duplicateID(element.id) }
        self[keyPath: store].insert(element, at: position)
        lastID = max(lastID, element.id.rawValue)
    }

    /// Replaces the element with the same id and returns the one it replaced.
    private mutating func replace<Element>(
        _ element: Element, in store: WritableKeyPath<Session, OrderedStore<Element>>, named what: String
    ) throws(SessionError) -> Element {
        guard let old = self[keyPath: store][element.id] else { throw .unknown(what: what, id: element.id) }
        self[keyPath: store].replace(element)
        return old
    }

    private mutating func remove<Element>(
        _ id: EntityID, from store: WritableKeyPath<Session, OrderedStore<Element>>, named what: String
    ) throws(SessionError) -> (Element, Int) {
        guard let old = self[keyPath: store][id], let position = self[keyPath: store].remove(id) else {
            throw .unknown(what: what, id: id)
        }
        return (old, position)
    }
}
