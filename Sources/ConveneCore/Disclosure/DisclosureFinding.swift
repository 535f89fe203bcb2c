/// A place where captured text names an attendee or their organisation.
public struct DisclosureFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case fullName = "name"
        case surname
        case organisation
    }

    public var location: TextLocation
    /// The words as written in the text.
    public var matched: String
    public var reason: Reason
    /// Who it would identify.
    public var attendees: [String]
    /// The text around the match, on one line.
    public var excerpt: String

    /// Stable across runs: how a person acknowledges the finding, e.g. `point-12:little`.
    public var key: String {
        location.key + ":" + matched.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
    }

    /// Whom the words would identify, as a person reads it: "organisation of Michael Little",
    /// "surname of Michael Little".
    public var identifies: String {
        "\(reason.rawValue) of \(attendees.joined(separator: ", "))"
    }

    public var description: String {
        "\(location.label): ‘\(matched)’ (\(identifies)) in “\(excerpt)” [\(key)]"
    }
}
