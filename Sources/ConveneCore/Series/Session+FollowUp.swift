import Foundation

/// A series: the next session picks up the group and what the last one left open.
extension Session {
    /// The series this session belongs to, naming a new one after its title when it has none.
    public var seriesName: String { details.series ?? details.title }

    /// Actions not done or dropped and questions not answered or dropped, wherever they were
    /// captured and whether raised here or carried: what a follow-up starts from.
    public var openItems: [Point] { points.elements.filter(\.isOpen) }

    /// The events that bring `previous`'s group and open items into this new session: its roster
    /// (everyone invited again, apologies cleared) when this one has nobody yet, and each of
    /// `carried` under the first agenda item, with the session it was first raised in.
    ///
    /// - Parameters:
    ///   - previous: the session before this one, in the folder `reference` names.
    ///   - carried: the open items to carry, `previous.openItems` unless the series knows better
    ///     (an item closed in an earlier session after this one's copy was made).
    public func carryingOver(
        from previous: Session, in reference: SessionReference, carrying carried: [Point]? = nil, at date: Date
    ) -> [SessionEvent] {
        var next = lastID
        func nextID() -> EntityID {
            next += 1
            return EntityID(next)
        }
        var events: [SessionEvent] = []
        if attendees.isEmpty {
            for person in previous.attendees.elements {
                var invited = Attendee(id: nextID(), name: person.name, organisation: person.organisation, role: person.role,
                                       aliases: person.aliases)
                invited.apologies = false
                events.append(.attendeeAdded(attendee: invited))
            }
        }
        for point in carried ?? previous.openItems {
            events.append(.pointAdded(point: Point(
                id: nextID(), kind: point.kind, text: point.text, item: agenda.ids.first, createdAt: date,
                owner: point.owner, due: point.due, answer: point.answer,
                origin: point.origin ?? PointOrigin(session: reference, point: point.id)
            )))
        }
        return events
    }

    /// The details of a session once `follower` has been started after it: linked forward, and
    /// named as the series the follow-up belongs to when it had no series name of its own.
    public func detailsLinked(to follower: SessionReference, series: String) -> SessionDetails {
        var linked = details
        linked.next = follower
        if linked.series == nil { linked.series = series }
        return linked
    }
}
