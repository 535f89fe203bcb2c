/// Everything a session holds. Changed only by `apply(_:at:)` with a `SessionEvent`.
public struct Session: Sendable {
    public internal(set) var details: SessionDetails
    public internal(set) var attendees = OrderedStore<Attendee>()
    public internal(set) var agenda = OrderedStore<AgendaItem>()
    public internal(set) var points = OrderedStore<Point>()
    public internal(set) var topics = OrderedStore<DivergenceTopic>()
    public internal(set) var contexts = OrderedStore<ContextAssessment>()
    /// Participants' proposals waiting for a note-taker (see `Proposal`).
    public internal(set) var proposals = OrderedStore<Proposal>()
    /// Dot votes, open and closed, in the order they were opened.
    public internal(set) var votes = OrderedStore<Vote>()
    /// What the template says of each Ebrahim quadrant, copied in so the record stands alone.
    public internal(set) var quadrantGuide: [EbrahimQuadrant: QuadrantGuide] = [:]
    /// Disclosure findings a person has judged not to be attributions (see `DisclosureFinding.key`).
    public internal(set) var acknowledgedFindings: Set<String> = []
    /// False until the `created` event has been applied.
    public internal(set) var isCreated = false
    /// The highest id given out so far, so that new ids never collide.
    public internal(set) var lastID = 0
    /// Each agenda item's points in record order (key nil: points under no item). Derived from
    /// `points`, kept by the reducer so the live screen finds an item's points without a scan.
    var pointsByItem: [EntityID?: [EntityID]] = [:]

    /// A session before its `created` event: what a journal is replayed onto.
    public init() {
        details = SessionDetails(title: "", kind: "", date: "", chathamHouse: false)
    }

    /// The id the next added thing should carry.
    public var nextID: EntityID { EntityID(lastID + 1) }

    /// The position of an agenda item, 1-based as people count them.
    public func itemNumber(_ id: EntityID) -> Int? {
        agenda.index(of: id).map { $0 + 1 }
    }

    /// The agenda item at a 1-based position.
    public func item(number: Int) -> AgendaItem? {
        let ids = agenda.ids
        guard ids.indices.contains(number - 1) else { return nil }
        return agenda[ids[number - 1]]
    }

    /// The ids of the points captured under `item`, in record order.
    public func pointIDs(in item: EntityID?) -> [EntityID] {
        pointsByItem[item] ?? []
    }

    /// The item under way: started and not ended, the latest such if several.
    public var currentItem: AgendaItem? {
        agenda.elements.last { $0.startedAt != nil && $0.endedAt == nil }
    }
}

extension Session: Equatable {
    /// Two sessions are equal when they hold the same record. `lastID` is left out: it is a
    /// high-water mark that undo deliberately does not lower, so ids are never handed out twice.
    public static func == (lhs: Session, rhs: Session) -> Bool {
        lhs.details == rhs.details && lhs.attendees == rhs.attendees && lhs.agenda == rhs.agenda
            && lhs.points == rhs.points && lhs.topics == rhs.topics && lhs.contexts == rhs.contexts && lhs.proposals == rhs.proposals && lhs.votes == rhs.votes
            && lhs.quadrantGuide == rhs.quadrantGuide && lhs.acknowledgedFindings == rhs.acknowledgedFindings
            && lhs.isCreated == rhs.isCreated
    }
}
