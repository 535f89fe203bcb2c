import Foundation

/// Replanning the agenda during the session, as events: jumping to an item, leaving one out,
/// giving one more or less time, moving one, and spreading what time is left over what is left to
/// do. Pure, like moving through the agenda: the screen asks for the event, the store keeps it,
/// undo takes it back, and the journal shows what was replanned.
extension Session {
    /// Starts `id` straight away, ending the item under way; the items in between keep no times.
    /// Nil when `id` is the item under way or not on the agenda.
    public func start(item id: EntityID, at now: Date) -> SessionEvent? {
        guard !isEnded, var target = agenda[id], currentItem?.id != id else { return nil }
        var changed: [AgendaItem] = []
        if var current = currentItem {
            current.pauseClock(at: now)
            current.endedAt = now
            changed.append(current)
        }
        if target.startedAt == nil { target.startedAt = now }
        target.endedAt = nil
        target.skippedAt = nil
        target.clockRunningSince = now
        changed.append(target)
        return .itemsChanged(items: changed)
    }

    /// Leaves an item that has not started out of the agenda, or puts a left-out item back.
    public func toggleSkip(item id: EntityID, at now: Date) -> SessionEvent? {
        guard var item = agenda[id], item.startedAt == nil else { return nil }
        item.skippedAt = item.isSkipped ? nil : now
        return .itemChanged(item: item)
    }

    /// Gives an item `delta` minutes more (or less, when negative); never under one minute.
    public func resize(item id: EntityID, byMinutes delta: Int) -> SessionEvent? {
        guard var item = agenda[id] else { return nil }
        let minutes = min(1_440, max(1, item.timebox + delta))
        guard minutes != item.timebox else { return nil }
        item.replannedMinutes = minutes == item.minutes ? nil : minutes
        return .itemChanged(item: item)
    }

    /// Moves an item to `position` (0 is the first) in the agenda.
    public func move(item id: EntityID, to position: Int) -> SessionEvent? {
        guard let from = agenda.index(of: id) else { return nil }
        let to = min(max(0, position), agenda.count - 1)
        return to == from ? nil : .itemMoved(id: id, to: to)
    }

    /// Sets or clears the time the session must end by.
    public func settingHardEnd(_ end: Date?) -> SessionEvent? {
        guard details.hardEnd != end else { return nil }
        var details = details
        details.hardEnd = end
        return .detailsChanged(details: details)
    }

    /// Seconds left on the item under way's timebox at `now`; 0 once it has run over.
    public func remainingOnCurrentItem(at now: Date) -> TimeInterval {
        guard let current = currentItem else { return 0 }
        return max(0, current.timeLeft(at: now))
    }

    /// When the session will end if the item under way keeps its timebox (or ends now, once over)
    /// and every item still to come takes its own. A paused clock moves it later as time passes.
    /// Nil before the agenda has anything left to do.
    public func projectedEnd(at now: Date) -> Date? {
        let pending = agenda.elements.filter(\.isPending)
        guard currentItem != nil || !pending.isEmpty else { return nil }
        let seconds = remainingOnCurrentItem(at: now) + TimeInterval(pending.reduce(0) { $0 + $1.timebox } * 60)
        return now.addingTimeInterval(seconds)
    }

    /// How far the projected end is from the hard end, in seconds: positive when the session will
    /// finish early, negative when it will overrun. Nil without a hard end or a projection.
    public func slack(at now: Date) -> TimeInterval? {
        guard let hardEnd = details.hardEnd, let end = projectedEnd(at: now) else { return nil }
        return hardEnd.timeIntervalSince(end)
    }

    /// Shares the time between now (after the item under way's remaining timebox) and the hard end
    /// among the items still to come, in proportion to their planned minutes, in whole minutes that
    /// add up to the time there is (largest remainders first); each keeps at least one minute.
    /// One event, so one undo puts every timebox back. Nil without a hard end or items to come.
    public func respread(at now: Date) -> SessionEvent? {
        guard let hardEnd = details.hardEnd else { return nil }
        let pending = agenda.elements.filter(\.isPending)
        let planned = pending.reduce(0) { $0 + $1.minutes }
        guard !pending.isEmpty, planned > 0 else { return nil }
        let available = Int((hardEnd.timeIntervalSince(now) - remainingOnCurrentItem(at: now)) / 60)
        let minutes = Self.shares(of: max(available, pending.count), weights: pending.map(\.minutes))
        let changed = zip(pending, minutes).compactMap { item, minutes -> AgendaItem? in
            var item = item
            item.replannedMinutes = minutes == item.minutes ? nil : minutes
            return item == agenda[item.id] ? nil : item
        }
        return changed.isEmpty ? nil : .itemsChanged(items: changed)
    }

    /// `total` split in proportion to `weights`, in whole numbers of at least 1 that sum to `total`
    /// (when `total` is at least the number of weights): floors first, then the largest remainders
    /// get one more, ties to the earlier item.
    static func shares(of total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, !weights.isEmpty else { return weights.map { _ in 0 } }
        let spare = max(0, total - weights.count) // one minute each is set aside first
        let exact = weights.map { Double(spare) * Double($0) / Double(sum) }
        var shares = exact.map { Int($0.rounded(.down)) + 1 }
        let left = total - shares.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        for index in order.prefix(max(0, left)) { shares[index] += 1 }
        return shares
    }
}
