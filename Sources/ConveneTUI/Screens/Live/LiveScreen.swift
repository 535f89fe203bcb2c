import ConveneCore
import Foundation

/// What the live screen asks its scene to do: effects as values, performed outside `update`.
public enum LiveEffect: Equatable, Sendable {
    /// Keep the event; `saying` is what the screen reports once it is on disk.
    case apply(SessionEvent, saying: String)
    case undo
    case writeNotes
    /// Hand the composer's text to the user's editor; the result comes back as `.edited`.
    case editExternally(String)
    /// Read a registration list and add its people as one change; `nameColumn` names the column
    /// of names when the headers do not.
    case importAttendees(path: String, nameColumn: String?)
    case quit
}

/// How an effect turned out, or what the scene learnt on its own: sent back to the live screen.
public enum LiveOutcome: Equatable, Sendable {
    /// A change is kept (in the journal; the notes follow when the keys pause).
    case saved(saying: String)
    /// A change was not kept (the scene has put the screen back as it was before the key).
    case notSaved(String)
    case undone
    /// The notes could not follow the changes kept: why.
    case notesBehind(String)
    case edited(String)
    case editorFailed(String)
    case notesWritten(path: String)
    case notesNotWritten(String)
    case draftNotSaved(String)
    /// A point that was being typed when the last live session stopped, to offer back.
    case recovered(Composer)
    /// This screen's saved edit of a point, replaced by another writer's made at the same time: the
    /// text to put back, and who replaced it.
    case replaced(Composer, by: String)
    /// A problem found while opening the session.
    case problem(String)
    /// Something to know on opening the session, not a problem.
    case notice(String)
    /// The item under way is running out of time: what to say, and until when its clock flashes.
    case alerted(String, flashUntil: Date?)
    /// A registration list whose headers do not say which column holds names: ask.
    case needsNameColumn(path: String, columns: [String])
}

/// What the live screen reads, never holds: the session as it is on disk, and the time.
public struct LiveWorld: Sendable {
    public var session: Session
    public var now: Date
    /// Everyone in the session when several screens share it, the host first; empty for one screen alone.
    public var people: [LivePerson]
    /// This screen's person, when the session is shared.
    public var me: LivePerson?

    public init(session: Session, now: Date, people: [LivePerson] = [], me: LivePerson? = nil) {
        self.session = session
        self.now = now
        self.people = people
        self.me = me
    }
}

/// The live screen: one panel per agenda item (chosen by `PhasePanels`), overlays on a stack over
/// it, and the status line. Session state is never held here; it arrives with each message.
public struct LiveScreen: Screen {
    /// What is over the panel, the top one last: it takes the keys.
    var overlays: [any LiveOverlay] = []
    public internal(set) var status: StatusLine?
    /// A point cancelled with Esc, offered back by the next `a`.
    public internal(set) var draft: Composer?
    /// This screen's person in a shared session, as the last message said (nil: alone).
    var me: LivePerson?
    /// The ballots this screen cast, by vote: each under a token chosen here, so casting again
    /// replaces it and nothing ties it to a name.
    var ballots: [EntityID: Ballot] = [:]
    /// Inside a bracketed paste: keys are text, and a line break is a line break, not Enter.
    public internal(set) var pasting = false
    /// An agenda item looked at while another is under way (`[` and `]`, or a finding opened from
    /// the review): its panel shows and takes what is typed, while the agenda and its clock stay
    /// where they are. Nil: the item under way.
    public internal(set) var viewing: EntityID?
    /// Until when the item clock flashes after an overrun alert.
    public internal(set) var clockFlashUntil: Date?
    /// Each agenda item's panel, kept when the agenda moves on, so an item is found as it was left.
    var panels: [EntityID?: any PhasePanel] = [:]
    /// Every key of the screen, its panels and its overlays.
    public let keys: KeyMap

    public init(keys: KeyMap = .standard) {
        self.keys = keys
    }

    var top: (any LiveOverlay)? { overlays.last }

    /// Whether anything is over the panel.
    public var hasOverlay: Bool { !overlays.isEmpty }
    /// The point being typed, when the composer has the keys.
    public var composer: Composer? { top as? Composer }
    /// The question being answered, when one has the keys.
    public var question: Question? { top as? Question }

    /// Whether a field (the composer or a question) has the keys.
    public var isTyping: Bool { top?.isField ?? false }

    /// Text typed but not yet saved as a point: the composer's, else the text put aside.
    public var unsavedText: Composer? {
        for case let composer as Composer in overlays.reversed() where !composer.isBlank { return composer }
        return draft
    }

    /// The point open to edit in the composer, if one is.
    public var editingPoint: EntityID? {
        overlays.lazy.compactMap { ($0 as? Composer)?.editing }.last
    }

    /// The point selected on the item in focus, if it shows points.
    public func selectedPoint(in session: Session) -> EntityID? {
        (panel(in: session) as? PointsPanel)?.selection
    }

    /// The agenda item on screen: the one looked at, else the one under way.
    public func shownItem(in session: Session) -> AgendaItem? {
        viewing.flatMap { session.agenda[$0] } ?? session.focusedItem
    }

    /// The panel of the item on screen, as it was left (or new).
    func panel(in session: Session) -> any PhasePanel {
        let item = shownItem(in: session)
        return panels[item?.id] ?? PhasePanels.panel(for: item)
    }

    public mutating func update(_ message: Message<LiveOutcome>, in world: LiveWorld) -> [LiveEffect] {
        me = world.me
        return switch message {
        case .key(let key): handle(key, session: world.session, now: world.now)
        case .outcome(let outcome): receive(outcome)
        case .tick, .resize, .returned: []
        }
    }

    private mutating func receive(_ outcome: LiveOutcome) -> [LiveEffect] {
        switch outcome {
        case .saved(let saying): status = StatusLine(saying)
        case .undone: status = StatusLine("✓ Undone and saved")
        case .notesBehind(let problem):
            // Said after what was saved ("✓ Saved note point; notes.md not updated: …"), when that is still showing.
            let saved = status.flatMap { $0.isError ? nil : $0.text } ?? "✓ Saved"
            status = StatusLine("\(saved); notes.md not updated: \(problem)", isError: true)
        case .notSaved(let problem): status = StatusLine("Not saved: \(problem)", isError: true)
        case .edited(let text):
            if let composer {
                overlays[overlays.count - 1] = Composer(text: TextRules.cleaned(text), kind: composer.kind, editing: composer.editing)
            } else if var question {
                question.field = TextField(text: text, allowsLineBreaks: question.field.allowsLineBreaks)
                overlays[overlays.count - 1] = question
            }
            status = StatusLine("✓ Back from the editor: \(KeyMap.label(of: .commit, in: keys.compose)) saves")
        case .editorFailed(let problem): status = StatusLine("Editor: \(problem)", isError: true)
        case .notesWritten(let path): status = StatusLine("✓ Notes written to \(path)")
        case .notesNotWritten(let problem): status = StatusLine("Notes not written: \(problem)", isError: true)
        case .draftNotSaved(let problem): status = StatusLine("Draft not saved: \(problem)", isError: true)
        case .recovered(let composer):
            draft = composer
            status = StatusLine("Recovered an unsaved point: \(keys[.add]) brings it back")
        case .replaced(let composer, let writer):
            // Kept as the point put aside, unless one is being typed (then it stays in the message).
            if draft == nil && !isTyping { draft = composer }
            let back = draft == composer ? "\(keys[.add]) brings yours back to save again" : "yours was ‘\(composer.text)’"
            status = StatusLine("\(writer) changed a point you had just edited, at the same moment, and theirs stands; \(back)", isError: true)
        case .problem(let text): status = StatusLine(text, isError: true)
        case .notice(let text): status = StatusLine(text)
        case .alerted(let text, let until):
            status = StatusLine(text, isError: true)
            clockFlashUntil = until
        case .needsNameColumn(let path, let columns):
            overlays.append(Question(AttendeesOverlay.Asking.registrationNameColumn(path: path),
                                     label: "which column holds names? (\(columns.joined(separator: ", ")))"))
            status = StatusLine("No column of \((path as NSString).lastPathComponent) is headed as names: type the header of the one that is")
        }
        return []
    }

    /// Runs `body` with the screen's context and keeps what it changed (the status, the point put
    /// aside, the item looked at); what it opened goes on top of the overlays. Returns the context,
    /// for whether the overlay handling a key closes and what it answered.
    private mutating func withContext(_ session: Session, _ now: Date, _ body: (inout KeyHandling) -> [LiveEffect]) -> ([LiveEffect], KeyHandling) {
        var context = KeyHandling(session: session, now: now, keys: keys, status: status, draft: draft, viewing: viewing, me: me, ballots: ballots)
        let effects = body(&context)
        (status, draft, viewing, ballots) = (context.status, context.draft, context.viewing, context.ballots)
        return (effects, context)
    }

    /// Runs `body` on the panel of the item on screen and keeps it; what it opens goes on top.
    private mutating func withPanel(_ session: Session, _ now: Date, _ body: (inout any PhasePanel, inout KeyHandling) -> [LiveEffect]) -> [LiveEffect] {
        let item = shownItem(in: session)?.id
        var panel = panel(in: session)
        let (effects, context) = withContext(session, now) { body(&panel, &$0) }
        panels[item] = panel
        overlays += context.opened
        return effects
    }

    private mutating func handle(_ key: Key, session: Session, now: Date) -> [LiveEffect] {
        // Outside a field an Alt key means nothing: it was Esc and a key pressed close together.
        if case .alt(let character) = key, !isTyping, !pasting {
            return handle(.escape, session: session, now: now) + handle(.character(character), session: session, now: now)
        }
        switch key {
        case .pasteStart:
            pasting = true
            // Pasting with nothing open starts what `a` starts, with the pasted text.
            return overlays.isEmpty ? withPanel(session, now) { $0.act(.add, in: &$1) } : []
        case .pasteEnd:
            pasting = false
            return []
        default:
            break
        }
        if pasting, let pasted = pastedKey(key) {
            guard let pasted else { return [] }
            return dispatch(pasted, session: session, now: now)
        }
        return dispatch(key, session: session, now: now)
    }

    /// A key to whatever is on top: the top overlay, else the panel. An overlay that closes gives
    /// the keys back to what is under it; what it settled goes to whoever asked.
    private mutating func dispatch(_ key: Key, session: Session, now: Date) -> [LiveEffect] {
        guard var overlay = overlays.popLast() else { return browse(key, session: session, now: now) }
        let (effects, context) = withContext(session, now) { overlay.handle(key, in: &$0) }
        if !context.closes { overlays.append(overlay) }
        overlays += context.opened
        switch context.answer {
        case .point(let composer)?: return effects + answeredByPanel(session, now) { $0.commit(composer, in: &$1) }
        case .question(let question)?: return effects + settle(question, session: session, now: now)
        case nil: return effects
        }
    }

    /// A key inside a bracketed paste as the text it stands for: nil to ignore it, `.some(nil)` to
    /// drop it, `.some(key)` to type that instead. Pasted bytes are text, never commands: an ESC, an
    /// arrow's sequence or a Ctrl-X in the clipboard must not cancel the point, move the cursor or
    /// open the editor.
    private func pastedKey(_ key: Key) -> Key?? {
        guard isTyping else { return .some(nil) }
        let allowsLines = question?.allowsLineBreaks ?? true
        switch key {
        case .enter, .control("j"): return allowsLines ? .some(.control("j")) : .some(.character(" "))
        case .tab: return .some(.character(" "))
        // A pasted ESC arrives joined to the character after it: the character is text.
        case .alt(let character): return character == "\u{7F}" ? .some(nil) : .some(.character(character))
        case .character, .text: return nil
        default: return .some(nil)
        }
    }

    /// Keys with nothing open: the panel's own, then the live keys that are the same on every
    /// phase, then the panel's meaning of the rest.
    private mutating func browse(_ key: Key, session: Session, now: Date) -> [LiveEffect] {
        var own: [LiveEffect]?
        let claimed = withPanel(session, now) { panel, context in
            own = panel.handle(key, in: &context)
            return own ?? []
        }
        if own != nil { return claimed }
        if case .click(let target) = key { return click(target, session: session) }
        guard let action = KeyMap.action(for: key, in: keys.live) else {
            if key != .resize { status = StatusLine("\(key.label) does nothing here; \(keys[.help]) shows the keys") }
            return []
        }
        switch action {
        case .help:
            overlays.append(LiveHelp())
        case .quit:
            return [.quit]
        case .undo:
            return [.undo]
        case .writeNotes:
            guard session.isAnyPartUnderRule, !DisclosureCheck.unacknowledged(in: session).isEmpty else { return [.writeNotes] }
            overlays.append(DisclosureOverlay())
        case .attendees:
            overlays.append(AttendeesOverlay(selected: session.attendees.ids.first))
        case .vote:
            return vote(session: session)
        case .proposals:
            guard let first = session.proposals.ids.first else { return notice("No proposals waiting: participants' points and questions come here") }
            overlays.append(ProposalsOverlay(selected: first))
        case .details:
            overlays.append(DetailsOverlay())
        case .agenda:
            overlays.append(AgendaOverlay(selecting: shownItem(in: session)?.id, in: session))
        case .nextItem:
            guard let step = session.advance(at: now) else { return notice(Self.ended(session) ?? "The agenda is complete") }
            viewing = nil
            return [.apply(step, saying: movedTo(step))]
        case .previousItem:
            guard let step = session.goBack(at: now) else { return notice(Self.ended(session) ?? "Already at the first item") }
            viewing = nil
            return [.apply(step, saying: movedTo(step))]
        case .viewPrevious, .viewNext, .viewCurrent:
            return view(action, session: session)
        case .speaker:
            guard let item = shownItem(in: session) else { return [] }
            guard !session.isUnderRule(item.id) else { return notice("This part is under the Chatham House Rule: nothing is attributed to a speaker") }
            // With a point selected, who said it: clearing it takes the point's attribution away.
            if let id = selectedPoint(in: session), let point = session.points[id] {
                overlays.append(Question(Asking.pointSpeaker(point: id), label: "said by (empty: nobody)", text: point.speaker ?? "",
                                         selectingAll: true))
            } else {
                overlays.append(Question(Asking.speaker(item: item.id), label: "presented by", text: item.speaker ?? ""))
            }
        case .toggleClock:
            guard let step = session.toggleClock(at: now) else { return [] }
            if case .itemChanged(let item) = step {
                return [.apply(step, saying: item.isClockRunning ? "✓ Clock running" : "✓ Clock paused")]
            }
            return [.apply(step, saying: movedTo(step))]
        default:
            return withPanel(session, now) { $0.act(action, in: &$1) }
        }
        return []
    }

    /// Looks at another item, or back at the one under way, without touching the agenda.
    private mutating func view(_ action: LiveAction, session: Session) -> [LiveEffect] {
        let ids = session.agenda.ids
        guard let shown = shownItem(in: session), let index = ids.firstIndex(of: shown.id) else { return [] }
        let target: Int? = switch action {
        case .viewPrevious: index > 0 ? index - 1 : nil
        case .viewNext: index + 1 < ids.count ? index + 1 : nil
        default: session.focusedItem.flatMap { ids.firstIndex(of: $0.id) }
        }
        guard let target else { return notice(action == .viewPrevious ? "This is the first item" : "This is the last item") }
        return look(at: target, session: session)
    }

    /// A click the panel did not take: an item of the agenda beside the body is looked at, as `[`
    /// and `]` look; a click on anything else selects nothing.
    private mutating func click(_ target: ClickTarget, session: Session) -> [LiveEffect] {
        guard case .agendaItem(let id) = target, let index = session.agenda.ids.firstIndex(of: id) else { return [] }
        return look(at: index, session: session)
    }

    /// Shows the item at `target` without touching the agenda (back on the item under way when it is that).
    private mutating func look(at target: Int, session: Session) -> [LiveEffect] {
        let ids = session.agenda.ids
        let underWay = session.focusedItem?.id
        viewing = ids[target] == underWay ? nil : ids[target]
        guard viewing != nil else { return notice("Back on the item under way") }
        return notice("Looking at item \(target + 1); the agenda stays on \(session.focusedItem.flatMap { session.itemNumber($0.id) }.map { "item \($0)" } ?? "its item") · \(keys[.viewCurrent]) goes back")
    }

    private func movedTo(_ step: SessionEvent) -> String {
        if case .batch(let events) = step, case .detailsChanged(let details)? = events.last, let end = details.endedAt {
            return "✓ Session ended at \(WallClock.text(end)); its record can still be amended · \(keys[.undo]) takes it back"
        }
        guard case .itemsChanged(let items) = step, let last = items.last else { return "✓ Saved" }
        return last.endedAt == nil ? "✓ Now on: \(last.title)" : "✓ Ended: \(last.title)"
    }

    /// What moving through the agenda of an ended session says: nothing moves, and why.
    /// `V`: the open vote's ballot; with none open, the facilitator opens one (its question, its
    /// options, its dots), and anyone else is told how it goes.
    private mutating func vote(session: Session) -> [LiveEffect] {
        if let open = session.votes.elements.last(where: \.isOpen) {
            overlays.append(BallotOverlay(vote: open, cast: ballots[open.id]))
            return []
        }
        guard me.map({ $0.role == .facilitator }) != false else {
            return notice("No vote is open: the facilitator opens one with \(keys[.vote])")
        }
        overlays.append(Question(BallotOverlay.Opening.question, label: "what the room votes on", text: "Which of these matter most?",
                                 selectingAll: true))
        return []
    }

    static func ended(_ session: Session) -> String? {
        session.details.endedAt.map { "The session ended at \(WallClock.text($0)): its record can be amended, its times stay as they were" }
    }

    private mutating func notice(_ text: String) -> [LiveEffect] {
        status = StatusLine(text)
        return []
    }

    // MARK: Answers

    /// Settles an answered question with whoever asked it: the overlay it was opened over (the
    /// attendees, the agenda, the details), else by the kind of question: the screen for an item's
    /// speaker, the details or the agenda (a fix opened from the disclosure review), or the panel
    /// of its kind.
    private mutating func settle(_ question: Question, session: Session, now: Date) -> [LiveEffect] {
        if var asker = overlays.popLast() {
            var settled: [LiveEffect]?
            let (effects, context) = withContext(session, now) { context in
                settled = asker.settle(question, in: &context)
                return settled ?? []
            }
            // Settling may close the asker too (the queue of proposals, emptied).
            if !context.closes { overlays.append(asker) }
            overlays += context.opened
            if settled != nil { return effects }
        }
        switch question.purpose {
        case Asking.speaker(let id) as Asking:
            guard var item = session.agenda[id] else { return [] }
            let text = question.answer
            item.speaker = text.isEmpty ? nil : text
            return [.apply(.itemChanged(item: item), saying: text.isEmpty ? "✓ No speaker" : "✓ Points here are attributed to \(text)")]
        case Asking.pointSpeaker(let id) as Asking:
            guard var point = session.points[id] else { return [] }
            let text = question.answer.trimmingCharacters(in: .whitespaces)
            point.speaker = text.isEmpty ? nil : text
            point.editedAt = now
            return [.apply(.pointChanged(point: point), saying: text.isEmpty ? "✓ Attributed to nobody" : "✓ Attributed to \(text)")]
        case is DetailsOverlay.Asking:
            var details = DetailsOverlay()
            return settle(question, with: &details, session: session, now: now)
        case is AgendaOverlay.Asking:
            var agenda = AgendaOverlay(selecting: nil, in: session)
            return settle(question, with: &agenda, session: session, now: now)
        case is AttendeesOverlay.Asking:
            var attendees = AttendeesOverlay(selected: nil)
            return settle(question, with: &attendees, session: session, now: now)
        case is BallotOverlay.Opening:
            let (effects, context) = withContext(session, now) { BallotOverlay.settle(opening: question, in: &$0) }
            overlays += context.opened
            return effects
        case is ProposalsOverlay.Asking:
            var proposals = ProposalsOverlay(selected: nil)
            return settle(question, with: &proposals, session: session, now: now)
        default:
            // A panel's question: the shown item's panel when it is of that kind, else a fresh one
            // (a fix opened from the review on another item), so nothing a panel has selected
            // changes what such an answer saves.
            if type(of: panel(in: session)).asks(question) {
                return withPanel(session, now) { $0.settle(question, in: &$1) ?? [] }
            }
            guard let kind = PhasePanels.kinds.first(where: { $0.asks(question) }) else { return [] }
            var fresh = kind.init(item: nil)
            let (effects, context) = withContext(session, now) { fresh.settle(question, in: &$0) ?? [] }
            overlays += context.opened
            return effects
        }
    }

    /// Settles `question` with an overlay that is not open (the details, asked from the review).
    private mutating func settle(_ question: Question, with overlay: inout some LiveOverlay, session: Session, now: Date) -> [LiveEffect] {
        let (effects, context) = withContext(session, now) { overlay.settle(question, in: &$0) ?? [] }
        overlays += context.opened
        return effects
    }

    /// The point typed in the composer, kept by the panel on screen, else by a fresh panel that
    /// takes points (an edit opened from the review on an item whose panel takes none).
    private mutating func answeredByPanel(_ session: Session, _ now: Date,
                                          _ answer: (inout any PhasePanel, inout KeyHandling) -> [LiveEffect]?) -> [LiveEffect] {
        var taken: [LiveEffect]?
        let effects = withPanel(session, now) { panel, context in
            taken = answer(&panel, &context)
            return taken ?? []
        }
        if taken != nil { return effects }
        for var panel in PhasePanels.fresh {
            let (effects, context) = withContext(session, now) { context in
                taken = answer(&panel, &context)
                return taken ?? []
            }
            if taken != nil {
                overlays += context.opened
                return effects
            }
        }
        return []
    }
}

extension LiveScreen {
    /// What the screen itself asks.
    enum Asking: QuestionPurpose, Equatable {
        /// Who presents an agenda item, in a session without the rule.
        case speaker(item: EntityID)
        /// Who said a point (empty: nobody), in a part without the rule.
        case pointSpeaker(point: EntityID)

        var allowsLineBreaks: Bool { false }
    }
}
