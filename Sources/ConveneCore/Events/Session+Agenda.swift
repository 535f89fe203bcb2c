import Foundation

/// Moving through the agenda and running the item clock, as events. Pure: the live screen asks for
/// the event and the store keeps it, so every move is undoable and lands in the journal.
extension Session {
    /// The item the facilitator is on: the one under way, else the first still to come.
    public var focusedItem: AgendaItem? {
        currentItem ?? agenda.elements.first(where: \.isPending) ?? agenda.elements.last
    }

    /// The item `n` starts: the next one after the item under way that is not left out (after a
    /// jump, the one after where the session is, not the first never started); with none under
    /// way, the first still to come. Nil at the end.
    public var nextItem: AgendaItem? {
        let items = agenda.elements
        guard let current = currentItem else { return items.first(where: \.isPending) }
        guard let index = items.firstIndex(where: { $0.id == current.id }) else { return nil }
        return items[(index + 1)...].first { !$0.isSkipped }
    }

    /// Ends the item under way and starts the next one with its clock running, passing over items
    /// left out. Nil at the end.
    public func advance(at now: Date) -> SessionEvent? {
        guard let current = currentItem else {
            // Nothing under way: start the first item still to come.
            return nextItem.map { .itemsChanged(items: [Self.started($0, at: now)]) }
        }
        guard let next = nextItem else { return .itemsChanged(items: [Self.ended(current, at: now)]) }
        return .itemsChanged(items: [Self.ended(current, at: now), Self.started(next, at: now)])
    }

    /// Ends the item under way and takes the facilitator back to the one before, its clock running again.
    public func goBack(at now: Date) -> SessionEvent? {
        let items = agenda.elements
        guard let current = currentItem ?? items.last(where: { $0.endedAt != nil }),
              let index = items.firstIndex(where: { $0.id == current.id }) else { return nil }
        if currentItem == nil {
            // Everything has ended: reopen the last item.
            return .itemsChanged(items: [Self.started(current, at: now)])
        }
        guard let previous = items[..<index].last(where: { !$0.isSkipped }) else { return nil }
        return .itemsChanged(items: [Self.ended(current, at: now), Self.started(previous, at: now)])
    }

    /// Pauses or resumes the clock of the item under way; starts the agenda if nothing is under way.
    public func toggleClock(at now: Date) -> SessionEvent? {
        guard var item = currentItem else { return advance(at: now) }
        if item.isClockRunning {
            item.pauseClock(at: now)
        } else {
            item.clockRunningSince = now
        }
        return .itemChanged(item: item)
    }

    /// Time since the first item started, until the last one ended (or now).
    public func sessionElapsed(at now: Date) -> TimeInterval? {
        guard let start = agenda.elements.compactMap(\.startedAt).min() else { return nil }
        let end = currentItem == nil ? agenda.elements.compactMap(\.endedAt).max() ?? now : now
        return max(0, end.timeIntervalSince(start))
    }

    private static func started(_ item: AgendaItem, at now: Date) -> AgendaItem {
        var item = item
        if item.startedAt == nil { item.startedAt = now }
        item.endedAt = nil
        item.clockRunningSince = now
        return item
    }

    private static func ended(_ item: AgendaItem, at now: Date) -> AgendaItem {
        var item = item
        item.pauseClock(at: now)
        item.endedAt = now
        return item
    }
}
