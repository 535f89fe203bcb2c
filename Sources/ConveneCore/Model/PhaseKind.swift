/// What happens during an agenda item, and so what the note-taker captures there.
public enum PhaseKind: String, Codable, Sendable, CaseIterable {
    case opening
    case presentation
    case discussion
    case agreement
    case divergence
    case contextAssessment = "context-assessment"
    case checklist
    case nextSteps = "next-steps"
    case close

    /// How the phase is named to people, in notes and on screen.
    public var displayName: String {
        switch self {
        case .opening: "Opening"
        case .presentation: "Presentation"
        case .discussion: "Discussion"
        case .agreement: "Agreement"
        case .divergence: "Divergence"
        case .contextAssessment: "Context assessment"
        case .checklist: "Checklist"
        case .nextSteps: "Next steps"
        case .close: "Close"
        }
    }
}
