/// What a merge of journals written apart tells the person syncing: a part of something both
/// sides changed, where the later change (in clock order, the same on every machine) was kept and
/// the earlier gave way; or a change that no longer applies because what it changed is gone.
/// Either way the change that gave way stays in the journal, the history, under `event`.
public struct MergeNotice: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case replaced
        case setAside
    }

    public var kind: Kind
    /// What it concerns, as the record names it: "the session", "point 12 ‘Funding is…’".
    public var place: String
    /// The parts that gave way, each with the value it had: "the title: ‘Strategy day’".
    public var parts: [String]
    /// Who wrote what gave way, and whether they wrote it on this side of the merge.
    public var gaveWayBy: String?
    public var gaveWayHere: Bool
    /// Who wrote what was kept, and whether on this side.
    public var keptBy: String?
    public var keptHere: Bool
    /// The change that gave way (or was set aside), as the journal names it.
    public var event: EventID?

    public init(kind: Kind, place: String, parts: [String], gaveWayBy: String?, gaveWayHere: Bool, keptBy: String?, keptHere: Bool,
                event: EventID?) {
        self.kind = kind
        self.place = place
        self.parts = parts
        self.gaveWayBy = gaveWayBy
        self.gaveWayHere = gaveWayHere
        self.keptBy = keptBy
        self.keptHere = keptHere
        self.event = event
    }
}
