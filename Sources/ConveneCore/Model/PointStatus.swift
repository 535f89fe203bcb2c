/// Where an action or a question stands: open until someone closes it. A question that is `done`
/// has been answered.
public enum PointStatus: String, Codable, Sendable, CaseIterable {
    case open
    case done
    case dropped

    /// The word for it on an action or a question: an action is "done", a question "answered".
    public func name(for kind: PointKind) -> String {
        switch (self, kind) {
        case (.done, .question): "answered"
        default: rawValue
        }
    }

    /// A status by the word a person types: open, done, answered, dropped, in any case.
    public init?(word: String) {
        switch word.lowercased() {
        case "open", "reopen", "reopened": self = .open
        case "done", "closed", "answered": self = .done
        case "dropped", "drop": self = .dropped
        default: return nil
        }
    }
}
