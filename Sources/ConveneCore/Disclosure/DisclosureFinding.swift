/// A place where captured text names an attendee or their organisation.
public struct DisclosureFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case fullName = "name"
        case surname
        case firstName = "first name"
        case alias
        case organisation

        /// A person's own name, as opposed to their organisation's.
        var isPersonal: Bool { self != .organisation }
    }

    public var location: TextLocation
    /// The words as written in the text.
    public var matched: String
    public var reason: Reason
    /// Who it would identify.
    public var attendees: [String]
    /// The text around the match, on one line.
    public var excerpt: String
    /// The listed name the words stand for when they are a derived form: "Gateshead Council" for
    /// "Gateshead", "GO Lab" for "Government Outcomes Lab".
    public var standsFor: String?
    /// The agenda item the text was captured under: where the live screen goes to fix it.
    public var item: EntityID?

    public init(location: TextLocation, matched: String, reason: Reason, attendees: [String], excerpt: String,
                standsFor: String? = nil, item: EntityID? = nil) {
        self.location = location
        self.item = item
        self.matched = matched
        self.reason = reason
        self.attendees = attendees
        self.excerpt = excerpt
        self.standsFor = standsFor
    }

    /// Stable across runs: how a person acknowledges the finding, e.g. `point-12:little`.
    public var key: String {
        location.key + ":" + matched.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
    }

    /// Whom the words would identify, as a person reads it: "surname of Michael Little",
    /// "‘Gateshead Council’, organisation of Mark Smith".
    public var identifies: String {
        let named = attendees.count > 3 ? attendees.prefix(2).joined(separator: ", ") + " and \(attendees.count - 2) others"
            : attendees.joined(separator: ", ")
        return (standsFor.map { "‘\($0)’, " } ?? "") + "\(reason.rawValue) of \(named)"
    }

    public var description: String {
        "\(location.label): ‘\(matched)’ (\(identifies)) in “\(excerpt)” [\(key)]"
    }
}
