import Foundation

extension JournalMerge {
    /// What puts back a change that gave way in a merge (see `MergeNotice`): the change `id` made,
    /// merged into `current` so that the parts it changed are its own again and the parts it left
    /// alone stay as they are now. Recorded as a new change, it is later than everything before it,
    /// so it stands on every machine after the next sync.
    public static func puttingBack(_ id: EventID, from records: [JournalRecord], into current: Session) throws(SessionError) -> SessionEvent {
        guard let index = records.firstIndex(where: { $0.id == id }) else { throw .noSuchChange(id.rawValue) }
        var log = SessionLog()
        for record in records[..<index] { try log.replay(record) }
        let change = records[index].event
        var before = log.session
        guard change.replacesWholeValue, let inverse = try? before.apply(change) else {
            // A change made whole (an added point, a rating) is put back as it was made.
            return change
        }
        return merged(change, madeFrom: inverse, into: current).0
    }
}
