import Foundation

/// One item of the agenda: what the facilitator steps through, with its timebox and actual timing.
public struct AgendaItem: Identified, Codable {
    public internal(set) var id: EntityID
    public var title: String
    public var phase: PhaseKind
    public var minutes: Int
    /// Guidance for the facilitator, from the template.
    public var prompt: String
    /// Who presents (presentation items); refused where the Chatham House Rule applies.
    public var speaker: String?
    /// Whether the Chatham House Rule applies to this part of the session; nil: as the session says.
    /// The Rule is for "a meeting, or part thereof": an attributed talk and a discussion under the
    /// Rule can share one session.
    public var chathamHouse: Bool?
    /// Prompts of a checklist item, e.g. principles to reflect on, from the template.
    public var checklist: [String]
    /// One response per checklist prompt; empty where none has been given.
    public var responses: [String]
    public var startedAt: Date?
    public var endedAt: Date?
    /// When the item clock last started running; nil while it is paused or stopped.
    public var clockRunningSince: Date?
    /// Seconds the clock counted before it last paused.
    public var clockSeconds: Int?
    /// The timebox as replanned during the session (extended, shortened, re-spread); nil: as planned.
    public var replannedMinutes: Int?
    /// When the facilitator decided to leave the item out; nil while it is on the agenda.
    public var skippedAt: Date?

    public init(
        id: EntityID, title: String, phase: PhaseKind, minutes: Int, prompt: String = "",
        speaker: String? = nil, chathamHouse: Bool? = nil, checklist: [String] = [], responses: [String] = [],
        startedAt: Date? = nil, endedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.phase = phase
        self.minutes = minutes
        self.prompt = prompt
        self.speaker = speaker
        self.chathamHouse = chathamHouse
        self.checklist = checklist
        self.responses = responses
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    /// The minutes the item has now: as replanned, else as planned.
    public var timebox: Int { replannedMinutes ?? minutes }

    public var isSkipped: Bool { skippedAt != nil }

    /// Not yet started and not left out: what the rest of the session still has to fit.
    public var isPending: Bool { startedAt == nil && !isSkipped }

    /// The response to checklist prompt `index`, or "" where none was given.
    public func response(to index: Int) -> String {
        responses.indices.contains(index) ? responses[index] : ""
    }

    /// Seconds on the item clock at `now`: what was counted before, plus the run under way.
    public func elapsed(at now: Date) -> TimeInterval {
        let running = clockRunningSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
        return TimeInterval(clockSeconds ?? 0) + running
    }

    public var isClockRunning: Bool { clockRunningSince != nil }

    /// Seconds left on the timebox at `now`; negative once the item has run over.
    public func timeLeft(at now: Date) -> TimeInterval {
        TimeInterval(timebox * 60) - elapsed(at: now)
    }

    /// Stops the clock at `now`, keeping what it counted; a clock already stopped stays as it is.
    mutating func pauseClock(at now: Date) {
        guard isClockRunning else { return }
        clockSeconds = Int(elapsed(at: now))
        clockRunningSince = nil
    }

    /// The item's length in whole minutes once it has ended: the clock's count where the clock was
    /// used (pauses excluded), else the time from start to end.
    public var actualMinutes: Int? {
        guard let startedAt, let endedAt, endedAt >= startedAt else { return nil }
        let seconds = clockSeconds != nil || clockRunningSince != nil
            ? elapsed(at: endedAt)
            : endedAt.timeIntervalSince(startedAt)
        return Int((seconds / 60).rounded())
    }
}
