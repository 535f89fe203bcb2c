import ConveneCore
import Foundation

/// What the live screen asks the app to do: effects as values, performed outside `update`.
public enum LiveEffect: Equatable, Sendable {
    /// Keep the event; `saying` is what the screen reports once it is on disk.
    case apply(SessionEvent, saying: String)
    case undo
    case writeNotes
    /// Hand the composer's text to the user's editor and bring the result back into it.
    case editExternally(String)
    case quit
}

/// The live screen's own state: what is selected, what is being typed, what was last said.
/// Session state is never held here; it arrives with each call.
public struct LiveScreen: Sendable {
    public enum Mode: Equatable, Sendable {
        case browsing
        case composing(Composer)
        /// Answering a one-line prompt.
        case prompting(Prompt)
        /// The attendees and apologies, over the phase.
        case attendees
        /// Reviewing disclosure findings before the notes are written.
        case disclosure
        case help
    }

    public struct Status: Equatable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public internal(set) var mode: Mode = .browsing
    /// The selected point.
    public internal(set) var selection: EntityID?
    public internal(set) var selectedContext: EntityID?
    public internal(set) var selectedPrompt = 0
    public internal(set) var selectedAttendee: EntityID?
    public internal(set) var selectedTopic: EntityID?
    /// The cell under the cursor in the selected topic's table: row -1 is the perspectives' header,
    /// column -1 the dimensions' names.
    public internal(set) var cell = (row: -1, column: 0)
    public internal(set) var status: Status?
    /// The theme new points are grouped under, set from the selected point's theme when adding.
    public internal(set) var theme: String?
    /// The kind of the point last saved on this item: the next one starts as that kind.
    public internal(set) var lastKind: PointKind?
    /// What was selected on each item the agenda has left, to come back to.
    var remembered: [EntityID: ItemSelection] = [:]
    /// A point cancelled with Esc, offered back by the next `a`.
    public internal(set) var draft: Composer?
    public internal(set) var selectedFinding = 0
    /// Set while a finding is being fixed, to come back to the review afterwards.
    var reviewing = false
    /// Inside a bracketed paste: keys are text, and a line break is a line break, not Enter.
    public internal(set) var pasting = false
    /// How far the help has been scrolled.
    public internal(set) var helpOffset = 0

    public init() {}

    public var isComposing: Bool {
        switch mode {
        case .composing, .prompting: true
        default: false
        }
    }

    /// Text typed but not yet saved as a point: the composer's, else the text put aside.
    public var unsavedText: Composer? {
        if case .composing(let composer) = mode, !composer.isBlank { return composer }
        return draft
    }

    /// Puts text back from the external editor into the point being typed.
    public mutating func receiveEdited(_ text: String) {
        guard case .composing(let composer) = mode else { return }
        mode = .composing(Composer(text: TextRules.cleaned(text), kind: composer.kind, editing: composer.editing))
        status = Status(text: "✓ Back from the editor: Enter saves", isError: false)
    }

    /// Offers back a point that was being typed when the last session stopped.
    public mutating func offer(_ recovered: Composer) {
        draft = recovered
        status = Status(text: "Recovered an unsaved point: a brings it back", isError: false)
    }

    /// Tells the screen how an effect went, so it can say so.
    public mutating func report(_ text: String, isError: Bool = false) {
        status = Status(text: text, isError: isError)
    }

    public mutating func update(_ key: Key, session: Session, now: Date) -> [LiveEffect] {
        let effects = handle(key, session: session, now: now)
        // A finding fixed (or its fix cancelled) brings the review back.
        if reviewing && mode == .browsing { mode = .disclosure }
        return effects
    }

    private mutating func handle(_ key: Key, session: Session, now: Date) -> [LiveEffect] {
        // Outside a field an Alt key means nothing: it was Esc and a key pressed close together.
        if case .alt(let character) = key, !isComposing, !pasting {
            return handle(.escape, session: session, now: now) + handle(.character(character), session: session, now: now)
        }
        switch key {
        case .pasteStart:
            pasting = true
            // Pasting while browsing starts a point with the pasted text.
            if mode == .browsing, session.focusedItem?.phase != .contextAssessment {
                return points(.add, session: session)
            }
            return []
        case .pasteEnd:
            pasting = false
            return []
        default:
            break
        }
        if pasting {
            switch (mode, key) {
            case (.composing(var composer), .enter), (.composing(var composer), .control("j")):
                composer.insert("\n")
                mode = .composing(composer)
                return []
            case (.composing(var composer), .tab):
                composer.insert(" ")
                mode = .composing(composer)
                return []
            case (.prompting(var prompt), .enter), (.prompting(var prompt), .control("j")):
                prompt.field.insert("\n") // a space where the answer is one line
                mode = .prompting(prompt)
                return []
            case (.prompting, .tab):
                return handle(.character(" "), session: session, now: now)
            case (.composing, .alt(let character)), (.prompting, .alt(let character)):
                // A pasted ESC arrives joined to the character after it: the character is text.
                return character == "\u{7F}" ? [] : handle(.character(character), session: session, now: now)
            case (.composing, .character), (.prompting, .character):
                break
            case (_, .resize):
                return []
            default:
                // Pasted bytes are text, never commands: an ESC, an arrow's sequence or a Ctrl-X in
                // the clipboard must not cancel the point, move the cursor or open the editor.
                return []
            }
        }
        switch mode {
        case .help:
            let pageSize = 10
            switch key {
            case .down, .character("j"): helpOffset += 1
            case .up, .character("k"): helpOffset -= 1
            case .pageDown, .character(" "): helpOffset += pageSize
            case .pageUp: helpOffset -= pageSize
            case .character("q"): return [.quit]
            default: mode = .browsing
            }
            helpOffset = min(max(0, helpOffset), HelpOverlay.lines.count - 1)
            return []
        case .composing(var composer):
            let effects = compose(key, composer: &composer, session: session, now: now)
            if case .composing = mode { mode = .composing(composer) }
            return effects
        case .prompting(var prompt):
            let effects = answer(key, prompt: &prompt, session: session, now: now)
            if case .prompting(let current) = mode, current.purpose == prompt.purpose { mode = .prompting(prompt) }
            return effects
        case .attendees:
            return attendees(key, session: session)
        case .disclosure:
            return review(key, session: session)
        case .browsing:
            if session.focusedItem?.phase == .divergence, let action = KeyMap.action(for: key, in: KeyMap.divergence) {
                return divergence(action, session: session)
            }
            guard let action = KeyMap.action(for: key, in: KeyMap.live) else {
                if key != .resize { notice("\(key.label) does nothing here; ? shows the keys") }
                return []
            }
            return browse(action, session: session, now: now)
        }
    }

    /// Keys that mean the same in every phase, then the phase's own.
    private mutating func browse(_ action: LiveAction, session: Session, now: Date) -> [LiveEffect] {
        switch action {
        case .help:
            mode = .help
            helpOffset = 0
        case .quit:
            return [.quit]
        case .undo:
            return [.undo]
        case .writeNotes:
            guard session.details.chathamHouse, !DisclosureCheck.unacknowledged(in: session).isEmpty else { return [.writeNotes] }
            mode = .disclosure
            selectedFinding = 0
            return []
        case .attendees:
            mode = .attendees
            selectedAttendee = selectedAttendee ?? session.attendees.ids.first
        case .nextItem:
            guard let step = session.advance(at: now) else { return notice("The agenda is complete") }
            move(by: step, in: session)
            return [.apply(step, saying: Self.movedTo(step))]
        case .previousItem:
            guard let step = session.goBack(at: now) else { return notice("Already at the first item") }
            move(by: step, in: session)
            return [.apply(step, saying: Self.movedTo(step))]
        case .speaker:
            guard let item = session.focusedItem else { return [] }
            guard !session.details.chathamHouse else {
                return notice("Under the Chatham House Rule nothing is attributed to a speaker")
            }
            mode = .prompting(Prompt(.speaker(item: item.id), label: "presented by", text: item.speaker ?? ""))
        case .toggleClock:
            guard let step = session.toggleClock(at: now) else { return [] }
            if case .itemChanged(let item) = step {
                return [.apply(step, saying: item.isClockRunning ? "✓ Clock running" : "✓ Clock paused")]
            }
            return [.apply(step, saying: Self.movedTo(step))]
        default:
            guard let item = session.focusedItem else { return [] }
            if item.phase == .contextAssessment { return contexts(action, session: session) }
            if item.phase == .divergence { return topics(action, session: session) }
            if !item.checklist.isEmpty { return checklist(action, item: item) }
            return points(action, session: session)
        }
        return []
    }

    private static func movedTo(_ step: SessionEvent) -> String {
        guard case .itemsChanged(let items) = step, let last = items.last else { return "✓ Saved" }
        return last.endedAt == nil ? "✓ Now on: \(last.title)" : "✓ Ended: \(last.title)"
    }


    /// Says `text` (not a problem) and asks for nothing: the reply to a key that needs no effect.
    @discardableResult
    mutating func notice(_ text: String) -> [LiveEffect] {
        report(text)
        return []
    }

    /// The position after `action` in a list of `count` things, from `index` (nil: nothing selected).
    static func moved(_ action: LiveAction, from index: Int?, count: Int) -> Int? {
        guard count > 0 else { return nil }
        return switch action {
        case .selectPrevious: max(0, (index ?? count) - 1)
        case .selectNext: min(count - 1, (index ?? -1) + 1)
        case .selectFirst: 0
        case .selectLast: count - 1
        default: index
        }
    }
}
