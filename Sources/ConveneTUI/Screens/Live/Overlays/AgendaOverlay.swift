import ConveneCore
import Foundation

/// The agenda over the phase, for replanning while the session runs: each item with its planned,
/// replanned and actual minutes, the projected end against the hard end, and keys to start any
/// item (none in between is timed), look at one, skip it, give it more or less time, add one after
/// the item under way, move one, set the hard end and re-spread the time left. Every change is one
/// event, so `u` takes it back.
struct AgendaOverlay: LiveOverlay {
    var selected: Int

    /// Opens on `item` (the one on screen), else the first.
    init(selecting item: EntityID?, in session: Session) {
        selected = item.flatMap { session.agenda.index(of: $0) } ?? 0
    }

    /// Minutes added or taken by `+` and `-`.
    static let step = 5

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        if case .click(let target) = key {
            // An item clicked, here or in the agenda beside: selected, as ↑/↓ would.
            if case .agendaItem(let id) = target, let index = context.session.agenda.index(of: id) { selected = index }
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.agenda) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.agenda))
        }
        let session = context.session
        let ids = session.agenda.ids
        guard !ids.isEmpty else { return action == .close ? close(&context) : context.notice("The agenda is empty") }
        selected = min(max(0, selected), ids.count - 1)
        let id = ids[selected]
        let number = selected + 1
        switch action {
        case .close:
            return close(&context)
        case .undo:
            return [.undo]
        case .selectPrevious: selected = max(0, selected - 1)
        case .selectNext: selected = min(ids.count - 1, selected + 1)
        case .selectFirst: selected = 0
        case .selectLast: selected = ids.count - 1
        case .start:
            guard let event = session.start(item: id, at: context.now) else {
                return context.notice(LiveScreen.ended(session) ?? "Item \(number) is under way")
            }
            context.viewing = nil
            // Back to the item now under way: the next key is the note-taker's, not the agenda's.
            context.close()
            return [.apply(event, saying: "✓ Now on item \(number): \(session.agenda[id]?.title ?? "")")]
        case .look:
            context.viewing = id == session.focusedItem?.id ? nil : id
            context.close()
            return context.notice(context.viewing == nil ? "On the item under way" : "Looking at item \(number); the agenda stays put · \(context.keys[.viewCurrent]) goes back")
        case .skip:
            guard let event = session.toggleSkip(item: id, at: context.now), case .itemChanged(let item) = event else {
                return context.notice("Item \(number) has started: only items still to come can be skipped")
            }
            return [.apply(event, saying: item.isSkipped ? "✓ Item \(number) skipped" : "✓ Item \(number) is back on the agenda")]
        case .extend, .shorten:
            let delta = action == .extend ? Self.step : -Self.step
            guard let event = session.resize(item: id, byMinutes: delta), case .itemChanged(let item) = event else {
                return context.notice("Item \(number) has one minute: it cannot be shorter")
            }
            return [.apply(event, saying: "✓ Item \(number): \(item.timebox) min (planned \(item.minutes))")]
        case .addAfter:
            let after = session.currentItem.flatMap { session.agenda.index(of: $0.id) } ?? selected
            context.open(Question(Asking.newItemTitle(position: after + 1), label: "new item after item \(after + 1)"))
        case .moveUp, .moveDown:
            let target = action == .moveUp ? selected - 1 : selected + 1
            guard let event = session.move(item: id, to: target) else { return context.notice(action == .moveUp ? "Already first" : "Already last") }
            selected = target
            return [.apply(event, saying: "✓ Moved to \(target + 1)")]
        case .hardEnd:
            let current = session.details.hardEnd.map(WallClock.text) ?? ""
            context.open(Question(Asking.hardEnd, label: "end by (HH:MM; empty: no hard end)", text: current, selectingAll: true))
        case .respread:
            guard session.details.hardEnd != nil else { return context.notice("Set the time to end by first (\(KeyMap.label(of: .hardEnd, in: context.keys.agenda)))") }
            guard let event = session.respread(at: context.now) else { return context.notice("Nothing to re-spread: no item is still to come") }
            return [.apply(event, saying: "✓ The time left is shared among the items to come · \(context.keys[.undo]) undoes")]
        }
        return []
    }

    /// What kind of item it is, typed (a word's start is enough: "pres", "case" is a presentation).
    private static func phaseQuestion(position: Int, title: String, typed: String) -> Question {
        Question(Asking.newItemPhase(position: position, title: title),
                 label: "its phase: " + PhaseKind.allCases.map { $0.displayName.lowercased() }.joined(separator: ", "),
                 text: typed, selectingAll: true)
    }

    private func close(_ context: inout KeyHandling) -> [LiveEffect] {
        context.close()
        return []
    }

    /// Settles the new item's title and the hard end; nil for any other prompt.
    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        let session = context.session
        guard let asking = prompt.purpose as? Asking else { return nil }
        switch asking {
        case .newItemTitle(let position):
            guard !prompt.answer.isEmpty else { return context.notice("No item added") }
            context.open(Self.phaseQuestion(position: position, title: prompt.answer, typed: PhaseKind.discussion.displayName))
            return []
        case .newItemPhase(let position, let title):
            guard let phase = PhaseKind(typed: prompt.answer) else {
                context.open(Self.phaseQuestion(position: position, title: title, typed: prompt.answer))
                return context.problem("‘\(prompt.answer)’ is not a phase: " + PhaseKind.allCases.map { $0.displayName.lowercased() }.joined(separator: ", "))
            }
            context.open(Question(Asking.newItemPrompt(position: position, title: title, phase: phase),
                                  label: "its prompt, what the room is asked (empty: none)"))
            return []
        case .newItemPrompt(let position, let title, let phase):
            let text = prompt.answer.trimmingCharacters(in: .whitespaces)
            let item = AgendaItem(id: session.nextID, title: title, phase: phase, minutes: 10, prompt: text)
            // The new item is selected, so `+` and `-` right after change it, not the one before.
            selected = position
            return [.apply(.itemAdded(item: item, at: position),
                           saying: "✓ Added as item \(position + 1), \(phase.displayName.lowercased()) (10 min; + and - change it)")]
        case .hardEnd:
            let text = prompt.answer
            guard !text.isEmpty else {
                return session.settingHardEnd(nil).map { [.apply($0, saying: "✓ No hard end")] } ?? context.notice("Left as it was")
            }
            guard let end = WallClock.time(text, on: context.now) else {
                return context.problem("‘\(text)’ is not a time: write it as 16:30")
            }
            guard let event = session.settingHardEnd(end) else { return context.notice("Left as it was") }
            return [.apply(event, saying: "✓ The session ends by \(WallClock.text(end))")]
        }
    }

    /// The header's word on time: "end ~16:40", and against a hard end "on time" or "12 min over".
    static func schedule(of session: Session, at now: Date) -> (text: String, late: Bool)? {
        guard let end = session.projectedEnd(at: now) else { return nil }
        guard let slack = session.slack(at: now) else { return ("end ~\(WallClock.text(end))", false) }
        if slack < 0 { return ("end ~\(WallClock.text(end)) · \(Self.minutes(in: slack)) min over", true) }
        return ("end ~\(WallClock.text(end)) · on time", false)
    }

    /// Whole minutes of a slack, over or to spare, a part minute counted as one.
    private static func minutes(in slack: TimeInterval) -> Int {
        Int((abs(slack) / 60).rounded(.up))
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.agenda) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        let (session, now) = (world.session, world.now)
        frame.put("Agenda", in: rect, style: .heading)
        var summary = session.projectedEnd(at: now).map { "Projected end \(WallClock.text($0))" } ?? "Nothing left to do"
        if let hardEnd = session.details.hardEnd { summary += " · end by \(WallClock.text(hardEnd))" }
        let slack = session.slack(at: now)
        let late = (slack ?? 0) < 0
        if let slack {
            let minutes = Self.minutes(in: slack)
            summary += slack < 0 ? " · \(minutes) min over: r re-spreads the time left" : " · \(minutes) min to spare"
        }
        frame.put(TextLayout.truncate(summary, to: rect.width), in: rect, row: 1, style: late ? .danger : .muted)
        let items = session.agenda.elements
        let current = session.currentItem?.id
        let minutesWidth = min(32, rect.width / 2)
        ListView(noun: ("item", "items"), keys: keys.listMarks, target: { .agendaItem(items[$0].id) }).draw(count: items.count, focus: .selected(min(selected, max(0, items.count - 1))),
                                                into: &frame, in: rect.inset(top: 3)) { index in
            let item = items[index]
            let mark = item.agendaMark(current: current)
            let label = TextLayout.pad("\(mark) \(index + 1)  \(item.title)", to: max(10, rect.width - minutesWidth - 2))
            let style: Style = item.isSkipped || item.endedAt != nil ? .muted : item.id == current ? .heading : .plain
            return [ListRow(label + "  " + TextLayout.truncate(Self.minutes(of: item, at: now), to: minutesWidth), style: style)]
        }
    }

    /// "15 min", "15 → 20 min", "12 of 15 min", "skipped (15 min)", "20 min · 04:10 left".
    static func minutes(of item: AgendaItem, at now: Date) -> String {
        if item.isSkipped { return "skipped (\(item.minutes) min)" }
        let planned = item.replannedMinutes.map { "\(item.minutes) → \($0) min" } ?? "\(item.minutes) min"
        if let actual = item.actualMinutes { return "\(actual) of \(planned)" }
        if item.startedAt != nil && item.endedAt == nil {
            let left = item.timeLeft(at: now)
            return left >= 0 ? "\(planned) · \(ClockText.format(left)) left" : "\(planned) · \(ClockText.format(-left)) over"
        }
        return planned
    }
}

extension AgendaOverlay {
    /// What the agenda asks.
    enum Asking: QuestionPurpose, Equatable {
        /// A new agenda item's title, to go at `position`; then its phase; then its prompt.
        case newItemTitle(position: Int)
        case newItemPhase(position: Int, title: String)
        case newItemPrompt(position: Int, title: String, phase: PhaseKind)
        /// The time the session must end by, HH:MM.
        case hardEnd

        var allowsLineBreaks: Bool { false }
    }
}
