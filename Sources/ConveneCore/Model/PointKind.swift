/// How a captured point is classified; `Tab` cycles through these in the order declared.
public enum PointKind: String, Codable, Sendable, CaseIterable {
    case note
    case agreement
    case divergence
    case question
    case action

    /// The word the live screen tags a point with, and the command line also takes: "agree", "differ".
    public var shortName: String {
        switch self {
        case .note: "note"
        case .agreement: "agree"
        case .divergence: "differ"
        case .question: "question"
        case .action: "action"
        }
    }

    /// A kind by its name or its short name, in any case: "agreement", "agree", "Differ".
    public init?(name: String) {
        let name = name.lowercased()
        guard let kind = Self.allCases.first(where: { $0.rawValue == name || $0.shortName == name }) else { return nil }
        self = kind
    }

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
