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

    /// Whether the facilitator has ended the session: its times are kept as they were, and moving
    /// through the agenda or running a clock is refused (amending its record is not).
    public var isEnded: Bool { details.endedAt != nil }

    /// Ends the item under way and starts the next one with its clock running, passing over items
    /// left out. On the last item it ends the session (`end`). Nil once the session has ended.
    public func advance(at now: Date) -> SessionEvent? {
        guard !isEnded else { return nil }
        guard let current = currentItem else {
            // Nothing under way: start the first item still to come.
            return nextItem.map { .itemsChanged(items: [Self.started($0, at: now)]) }
        }
        guard let next = nextItem else { return end(at: now) }
        return .itemsChanged(items: [Self.ended(current, at: now), Self.started(next, at: now)])
    }

    /// Ends the session: the item under way ends, and the session's end time is recorded. One
    /// change, so `u` takes it back. Nil when it has already ended.
    public func end(at now: Date) -> SessionEvent? {
        guard !isEnded else { return nil }
        var details = details
        details.endedAt = now
        let ending: [SessionEvent] = currentItem.map { [.itemsChanged(items: [Self.ended($0, at: now)])] } ?? []
        return .batch(events: ending + [.detailsChanged(details: details)])
    }

    /// Ends the item under way and takes the facilitator back to the one before, its clock running again.
    public func goBack(at now: Date) -> SessionEvent? {
        guard !isEnded else { return nil }
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
        guard !isEnded else { return nil }
        guard var item = currentItem else { return advance(at: now) }
        if item.isClockRunning {
            item.pauseClock(at: now)
        } else {
            item.clockRunningSince = now
        }
        return .itemChanged(item: item)
    }

    /// Stops the clock of the item under way because nobody is in the session any more (the live
    /// screen closed): time spent away is not the item's. Nil when no clock is running.
    public func stoppingClock(at now: Date) -> SessionEvent? {
        guard var item = currentItem, item.isClockRunning else { return nil }
        item.pauseClock(at: now)
        return .itemChanged(item: item)
    }

    /// Time on the agenda so far: every item's clock, so neither a pause nor the time the session
    /// was closed counts, and the header agrees with the notes' actual total. Nil before the start.
    public func sessionElapsed(at now: Date) -> TimeInterval? {
        guard agenda.elements.contains(where: { $0.startedAt != nil }) else { return nil }
        let end = details.endedAt ?? now
        return agenda.elements.reduce(0) { $0 + $1.elapsed(at: end) }
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
