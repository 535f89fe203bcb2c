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

extension PhaseKind {
    /// The phase a person types: its name or the start of it, in any case ("pres", "Context
    /// assessment", "next"); "case study" and "talk" are presentations, "q&a" a discussion.
    public init?(typed: String) {
        let word = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !word.isEmpty else { return nil }
        let synonyms: [String: PhaseKind] = ["case study": .presentation, "case": .presentation, "talk": .presentation,
                                             "keynote": .presentation, "q&a": .discussion, "questions": .discussion]
        if let kind = synonyms[word] { self = kind; return }
        let matches = Self.allCases.filter { $0.displayName.lowercased().hasPrefix(word) || $0.rawValue.hasPrefix(word) }
        guard matches.count == 1 else { return nil }
        self = matches[0]
    }
}
