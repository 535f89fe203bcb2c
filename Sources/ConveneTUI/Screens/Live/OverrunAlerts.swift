import ConveneCore
import Foundation

/// Tells the facilitator when the item under way is about to run out of time and when it has:
/// the item clock flashes and the terminal rings its bell, once per threshold. A threshold is the
/// item's, at its timebox of the moment: an item given five minutes more can run out again, five
/// minutes later. Thresholds already passed when the screen opens (a session reopened mid-item)
/// are taken as told.
public struct OverrunAlerts: Sendable {
    public struct Settings: Equatable, Sendable {
        /// How long before the end of an item the first alert comes; 0: only at the end.
        public var warnBefore: TimeInterval
        public var bell: Bool
        public var flash: Bool

        public init(warnBefore: TimeInterval = 120, bell: Bool = true, flash: Bool = true) {
            self.warnBefore = warnBefore
            self.bell = bell
            self.flash = flash
        }

        /// No bell and no flash (`--quiet`).
        public static let quiet = Settings(bell: false, flash: false)

        var isOff: Bool { !bell && !flash }
    }

    /// What an alert says and does.
    public struct Alert: Equatable, Sendable {
        public var message: String
        public var bell: Bool
        /// The item clock flashes until then; nil: no flash.
        public var flashUntil: Date?
    }

    private struct Threshold: Hashable, Sendable {
        let item: EntityID
        let timebox: Int
        let isEnd: Bool
    }

    public let settings: Settings
    private var told: Set<Threshold> = []
    private var started = false
    /// How long the clock flashes.
    static let flashLength: TimeInterval = 3

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The alert due at `now`, if one is; each threshold gives one at most.
    public mutating func check(_ session: Session, at now: Date) -> Alert? {
        defer { started = true }
        guard !settings.isOff, let item = session.currentItem, item.isClockRunning else { return nil }
        let left = item.timeLeft(at: now)
        var due: Threshold?
        var message = ""
        let end = Threshold(item: item.id, timebox: item.timebox, isEnd: true)
        let warning = Threshold(item: item.id, timebox: item.timebox, isEnd: false)
        let number = session.itemNumber(item.id).map { "Item \($0)" } ?? "The item"
        if left <= 0, !told.contains(end) {
            due = end
            message = "⏰ \(number) is out of time · o replans the agenda"
            told.insert(warning) // an item already over needs no warning as well
        } else if settings.warnBefore > 0, left > 0, left <= settings.warnBefore, !told.contains(warning) {
            due = warning
            let minutes = Int((left / 60).rounded(.up))
            message = "⏰ \(number): \(minutes) min left"
        }
        guard let due else { return nil }
        told.insert(due)
        // Passed before the screen opened: already told, in an earlier sitting.
        guard started else { return nil }
        return Alert(message: message, bell: settings.bell, flashUntil: settings.flash ? now.addingTimeInterval(Self.flashLength) : nil)
    }
}
