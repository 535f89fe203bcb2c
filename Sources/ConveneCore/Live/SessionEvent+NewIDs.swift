extension SessionEvent {
    /// The event with the ids it gives out moved to start at `next`.
    ///
    /// A screen in a live session makes a new point (or item, person, topic, context) with the next
    /// id of the session as it last saw it; another screen may have taken that id meanwhile. The
    /// host moves the new entities to its own next ids, so two note-takers adding at the same
    /// moment both keep their points. Only the ids of what the event creates move: a new point
    /// still belongs to the same agenda item.
    public func givingNewIDs(to next: EntityID) -> SessionEvent {
        guard let firstNew = createdIDs.min() else { return self }
        let shift = next.rawValue - firstNew.rawValue
        guard shift != 0 else { return self }
        return shifting(from: firstNew, by: shift)
    }

    /// The ids of the entities the event creates.
    var createdIDs: [EntityID] {
        switch self {
        case .attendeeAdded(let attendee, _): [attendee.id]
        case .itemAdded(let item, _): [item.id]
        case .pointAdded(let point, _): [point.id]
        case .topicAdded(let topic, _): [topic.id]
        case .contextAdded(let context, _): [context.id]
        case .proposalAdded(let proposal, _): [proposal.id]
        case .voteAdded(let vote, _): [vote.id]
        case .batch(let events): events.flatMap(\.createdIDs)
        default: []
        }
    }

    private func shifting(from firstNew: EntityID, by shift: Int) -> SessionEvent {
        func moved(_ id: EntityID) -> EntityID { id >= firstNew ? EntityID(id.rawValue + shift) : id }
        switch self {
        case .attendeeAdded(var attendee, let position):
            attendee.id = moved(attendee.id)
            return .attendeeAdded(attendee: attendee, at: position)
        case .itemAdded(var item, let position):
            item.id = moved(item.id)
            return .itemAdded(item: item, at: position)
        case .pointAdded(var point, let position):
            point.id = moved(point.id)
            return .pointAdded(point: point, at: position)
        case .topicAdded(var topic, let position):
            topic.id = moved(topic.id)
            return .topicAdded(topic: topic, at: position)
        case .contextAdded(var context, let position):
            context.id = moved(context.id)
            return .contextAdded(context: context, at: position)
        case .voteAdded(var vote, let position):
            vote.id = moved(vote.id)
            return .voteAdded(vote: vote, at: position)
        case .proposalAdded(var proposal, let position):
            proposal.id = moved(proposal.id)
            return .proposalAdded(proposal: proposal, at: position)
        case .batch(let events):
            return .batch(events: events.map { $0.shifting(from: firstNew, by: shift) })
        default:
            return self
        }
    }
}
