/// How a captured point is classified; `Tab` cycles through these in the order declared.
public enum PointKind: String, Codable, Sendable, CaseIterable {
    case note
    case agreement
    case divergence
    case question
    case action

    public var displayName: String {
        switch self {
        case .note: "Note"
        case .agreement: "Agreement"
        case .divergence: "Divergence"
        case .question: "Question / dilemma"
        case .action: "Action"
        }
    }
}
