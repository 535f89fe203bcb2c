import Foundation

/// What a person in a live session may do. The host checks every change against the role of the
/// screen that sent it: a screen's own idea of its role is never trusted.
public enum LiveRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Runs the agenda and the clock, replans, sets the Rule; and everything a note-taker does.
    case facilitator
    /// Captures everything: points, themes, the divergence table, ratings, attendees.
    case noteTaker = "note-taker"
    /// Proposes questions and points for a note-taker to accept, rates contexts, votes.
    case participant
    /// Reads.
    case viewer

    /// As typed after `--role`: the names above, or their first letters.
    public init?(typed: String) {
        let word = typed.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = LiveRole(rawValue: word) { self = exact; return }
        let matches = Self.allCases.filter { $0.rawValue.hasPrefix(word) || ($0 == .noteTaker && ["notetaker", "note", "scribe"].contains(word)) }
        guard !word.isEmpty, matches.count == 1, let match = matches.first else { return nil }
        self = match
    }

    /// The role's name as a person reads it.
    public var name: String { rawValue }

    public static func < (lhs: LiveRole, rhs: LiveRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Why this role may not write the record at all (nor undo), or nil when it may.
    public var refusalToWrite: String? {
        switch self {
        case .facilitator, .noteTaker: nil
        case .viewer: "you joined as a viewer, who reads the session and changes nothing"
        case .participant: "you joined as a participant: propose points and questions for the note-takers to accept"
        }
    }

    /// Why this role may not make `event` in `session`, or nil when it may.
    public func refusal(of event: SessionEvent, in session: Session) -> String? {
        if self == .participant, event.isContribution { return nil }
        if let refusal = refusalToWrite { return refusal }
        guard self == .noteTaker else { return nil }
        return facilitatorOnly(event, in: session).map { "only the facilitator \($0)" }
    }

    /// What `event` does that only a facilitator may do, or nil.
    private func facilitatorOnly(_ event: SessionEvent, in session: Session) -> String? {
        switch event {
        case .created: return "creates the session"
        case .detailsChanged(let details):
            if details.chathamHouse != session.details.chathamHouse { return "sets the Chatham House Rule" }
            if details.endedAt != session.details.endedAt { return "ends the session" }
            return nil
        case .itemAdded, .itemRemoved, .itemMoved: return "changes the agenda"
        case .voteAdded, .voteChanged, .voteRemoved: return "opens and closes votes"
        case .itemsChanged: return "moves through the agenda"
        case .itemChanged(let item):
            guard let current = session.agenda[item.id] else { return nil }
            return item.timing == current.timing ? nil : "runs the clock and the agenda"
        case .batch(let events):
            return events.lazy.compactMap { facilitatorOnly($0, in: session) }.first
        default: return nil
        }
    }
}

extension SessionEvent {
    /// What a participant may do: propose, rate a context, vote.
    public var isContribution: Bool {
        switch self {
        case .proposalAdded, .ratingAdded, .ballotCast, .ballotWithdrawn: true
        default: false
        }
    }
}

extension SessionEvent {
    /// Whether the journal keeps this change without a name under the Chatham House Rule whoever
    /// made it: a ballot, so that nobody's vote can be told.
    public var isAnonymousUnderRule: Bool {
        switch self {
        case .ballotCast, .ballotWithdrawn: true
        default: false
        }
    }
}

extension AgendaItem {
    /// What the facilitator alone changes of an item: its place in time and its title, timebox
    /// and phase. A note-taker still records its speaker and checklist responses.
    struct Timing: Equatable {
        var title: String
        var phase: PhaseKind
        var minutes: Int
        var replannedMinutes: Int?
        var startedAt: Date?
        var endedAt: Date?
        var clockRunningSince: Date?
        var clockSeconds: Int?
        var skippedAt: Date?
        var chathamHouse: Bool?
    }

    var timing: Timing {
        Timing(title: title, phase: phase, minutes: minutes, replannedMinutes: replannedMinutes, startedAt: startedAt, endedAt: endedAt,
               clockRunningSince: clockRunningSince, clockSeconds: clockSeconds, skippedAt: skippedAt, chathamHouse: chathamHouse)
    }
}
