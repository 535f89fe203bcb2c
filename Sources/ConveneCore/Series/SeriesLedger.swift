/// Every action and question of a series, each followed through the sessions that carried it:
/// one entry however many sessions hold a copy.
///
/// A copy closed anywhere closes the item (done, answered or dropped in the first session that
/// closed it, in series order): a follow-up made before an item was closed in an earlier session
/// must not bring it back. Reopening it is done where it was closed.
public struct SeriesLedger: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The item as it stands: the copy that closed it, or the latest copy while it is open.
        public var point: Point
        /// The session that first raised it.
        public var raisedIn: SessionReference
        /// The session that closed it; nil while it is open.
        public var closedIn: SessionReference?
        /// The latest session holding a copy.
        public var lastIn: SessionReference
        /// The same item wherever it is carried: its first session and its id there.
        public var identity: PointOrigin

        public var isOpen: Bool { closedIn == nil }
    }

    /// In the order first raised.
    public let entries: [Entry]
    /// The same entries by identity: each copy in each session looks its own up.
    private let byIdentity: [PointOrigin: Entry]

    /// - Parameter sessions: the series' sessions in order, each with the reference that names it.
    public init(_ sessions: [(reference: SessionReference, session: Session)]) {
        var order: [PointOrigin] = []
        var entries: [PointOrigin: Entry] = [:]
        for (reference, session) in sessions {
            for point in session.points.elements where point.kind == .action || point.kind == .question {
                let identity = point.origin ?? PointOrigin(session: reference, point: point.id)
                guard var entry = entries[identity] else {
                    order.append(identity)
                    entries[identity] = Entry(
                        point: point, raisedIn: identity.session, closedIn: point.isOpen ? nil : reference,
                        lastIn: reference, identity: identity)
                    continue
                }
                entry.lastIn = reference
                if entry.isOpen {
                    entry.point = point
                    if !point.isOpen { entry.closedIn = reference }
                }
                entries[identity] = entry
            }
        }
        self.entries = order.compactMap { entries[$0] }
        byIdentity = entries
    }

    /// The entry a copy of an item in the session `reference` names belongs to.
    public func entry(for point: Point, in reference: SessionReference) -> Entry? {
        let identity = point.origin ?? PointOrigin(session: reference, point: point.id)
        return byIdentity[identity]
    }
}
