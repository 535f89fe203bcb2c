/// A change to a session. Journals store these one per line; the reducer is the only code that
/// applies them. Change events carry whole values so that every event has an exact inverse.
///
/// Encoded by Swift's synthesised `Codable`: `{"pointAdded":{"point":{…}}}`. The case and label
/// names are therefore part of the journal format: rename none of them.
public enum SessionEvent: Codable, Sendable, Equatable {
    case created(setup: SessionSetup)
    case detailsChanged(details: SessionDetails)

    case attendeeAdded(attendee: Attendee, at: Int? = nil)
    case attendeeChanged(attendee: Attendee)
    case attendeeRemoved(id: EntityID)

    case itemAdded(item: AgendaItem, at: Int? = nil)
    /// Title, timebox, speaker, checklist responses, actual start and end.
    case itemChanged(item: AgendaItem)
    case itemRemoved(id: EntityID)
    /// Several items at once: moving through the agenda ends one item and starts another in one step.
    case itemsChanged(items: [AgendaItem])
    /// Moved to `to` in the agenda, as the facilitator replans.
    case itemMoved(id: EntityID, to: Int)

    case pointAdded(point: Point, at: Int? = nil)
    case pointChanged(point: Point)
    case pointRemoved(id: EntityID)
    case pointMoved(id: EntityID, to: Int)

    case topicAdded(topic: DivergenceTopic, at: Int? = nil)
    case topicChanged(topic: DivergenceTopic)
    case topicRemoved(id: EntityID)

    case contextAdded(context: ContextAssessment, at: Int? = nil)
    /// Also how a further individual rating is added.
    case contextChanged(context: ContextAssessment)
    case contextRemoved(id: EntityID)

    /// One more individual rating of a context: how a participant rates from their own screen.
    /// Made of the rating alone, so that two people rating at once both count.
    case ratingAdded(context: EntityID, rating: Rating, at: Int? = nil)
    case ratingRemoved(context: EntityID, at: Int)

    /// A participant's point or question, put forward for the note-takers.
    case proposalAdded(proposal: Proposal, at: Int? = nil)
    /// Dismissed, or (in a batch with the point it became) accepted.
    case proposalRemoved(id: EntityID)

    /// A dot vote opened by the facilitator; changed to close it (or reopen it); removed.
    case voteAdded(vote: Vote, at: Int? = nil)
    case voteChanged(vote: Vote)
    case voteRemoved(id: EntityID)
    /// One person's dots, replacing their earlier ballot (the same token) if any.
    case ballotCast(vote: EntityID, ballot: Ballot)
    case ballotWithdrawn(vote: EntityID, token: String)

    case findingAcknowledged(key: String)
    case findingUnacknowledged(key: String)

    /// Several changes kept, and undone, as one: all of them apply or none does (an attendee list
    /// imported from a registration export).
    case batch(events: [SessionEvent])
}
