/// Someone invited to the session: present in a role, or sending apologies.
public struct Attendee: Identified, Codable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case chair
        case speaker
        case participant
        case noteTaker = "note-taker"

        public var displayName: String {
            switch self {
            case .chair: "Chair"
            case .speaker: "Speaker"
            case .participant: "Participant"
            case .noteTaker: "Note-taker"
            }
        }
    }

    public internal(set) var id: EntityID
    public var name: String
    public var organisation: String?
    /// Other names the person or their organisation goes by ("Jo", "Government Outcomes Lab"): the
    /// disclosure check looks for these too.
    public var aliases: [String]?
    public var role: Role
    /// Invited but absent; listed under apologies in the notes.
    public var apologies: Bool

    public init(id: EntityID, name: String, organisation: String? = nil, role: Role = .participant, apologies: Bool = false,
                aliases: [String]? = nil) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.role = role
        self.apologies = apologies
        self.aliases = aliases
    }
}
