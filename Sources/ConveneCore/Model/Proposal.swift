import Foundation

/// A point or question a participant put forward from their own screen, waiting for a note-taker
/// to accept it into the record (edited first, if need be) or dismiss it. Not part of the record
/// until accepted, and never the proposer's: under the Chatham House Rule not even the journal
/// says who proposed it.
public struct Proposal: Identified, Codable, Sendable, Equatable {
    public internal(set) var id: EntityID
    public var kind: PointKind
    public var text: String
    /// The agenda item it was proposed under.
    public var item: EntityID?
    public var proposedAt: Date

    public init(id: EntityID, kind: PointKind, text: String, item: EntityID?, proposedAt: Date) {
        self.id = id
        self.kind = kind
        self.text = text
        self.item = item
        self.proposedAt = proposedAt
    }

    /// What a participant's new point is: a proposal of the same text, kind and item.
    public init(proposing point: Point) {
        self.init(id: point.id, kind: point.kind, text: point.text, item: point.item, proposedAt: point.createdAt)
    }

    /// The proposal made a point of the record, as `text` (what the note-taker made of it).
    public func accepted(as text: String, id: EntityID, at date: Date) -> Point {
        Point(id: id, kind: kind, text: text, item: item, createdAt: date)
    }
}
