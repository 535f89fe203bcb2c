import ConveneCore
import Foundation

/// What the live screen asks the app to do: effects as values, performed outside `update`.
public enum LiveEffect: Equatable, Sendable {
    case apply(SessionEvent)
    case undo
    case writeNotes
    case quit
}

/// The live screen's own state: what is selected, what is being typed, what was last said.
/// Session state is never held here; it arrives with each call.
public struct LiveScreen: Sendable {
    public enum Mode: Equatable, Sendable {
        case browsing
        case composing(Composer)
        /// Typing a theme: for the given point, or (nil) for the points added next.
        case naming(Composer, point: EntityID?)
        case help
    }

    public struct Status: Equatable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public internal(set) var mode: Mode = .browsing
    public internal(set) var selection: EntityID?
    public internal(set) var status: Status?
    /// The theme new points are grouped under, set from the selected point's theme when adding.
    public internal(set) var theme: String?
    /// A point cancelled with Esc, offered back by the next `a`.
    public internal(set) var draft: Composer?

    public init() {}

    public var isComposing: Bool {
        switch mode {
        case .composing, .naming: true
        default: false
        }
    }

    /// The points of the item on screen, in record order.
    public static func points(of session: Session, item: EntityID?) -> [Point] {
        session.pointIDs(in: item).compactMap { session.points[$0] }
    }

    /// Text typed but not yet saved as a point: the composer's, else the text put aside.
    public var unsavedText: Composer? {
        if case .composing(let composer) = mode, !composer.isBlank { return composer }
        return draft
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
        switch mode {
        case .help:
            mode = .browsing
            return key == .character("q") ? [.quit] : []
        case .composing(var composer):
            let effects = compose(key, composer: &composer, session: session, now: now)
            if case .composing = mode { mode = .composing(composer) }
            return effects
        case .naming(var composer, let point):
            let effects = name(key, composer: &composer, point: point, session: session, now: now)
            if case .naming = mode { mode = .naming(composer, point: point) }
            return effects
        case .browsing:
            guard let action = KeyMap.action(for: key, in: KeyMap.live) else {
                if key != .resize { status = Status(text: "\(key.label) does nothing here; ? shows the keys", isError: false) }
                return []
            }
            return browse(action, session: session, now: now)
        }
    }

    private mutating func browse(_ action: LiveAction, session: Session, now: Date) -> [LiveEffect] {
        let item = session.focusedItem?.id
        let visible = session.pointIDs(in: item)
        let selected = selection.flatMap { id in visible.contains(id) ? session.points[id] : nil }
        switch action {
        case .help:
            mode = .help
        case .quit:
            return [.quit]
        case .add:
            theme = selected?.theme ?? visible.last.flatMap { session.points[$0]?.theme }
            mode = .composing(resumableDraft(in: session) ?? Composer(kind: Self.defaultKind(for: session.focusedItem?.phase)))
            draft = nil
        case .edit:
            guard let selected else { return notice("Select a point to edit (↑/↓ or j/k)") }
            mode = .composing(Composer(text: selected.text, kind: selected.kind, editing: selected.id))
        case .delete:
            guard let selected else { return notice("Select a point to delete (↑/↓ or j/k)") }
            let index = visible.firstIndex(of: selected.id) ?? 0
            selection = index + 1 < visible.count ? visible[index + 1] : (index > 0 ? visible[index - 1] : nil)
            return [.apply(.pointRemoved(id: selected.id))]
        case .undo:
            return [.undo]
        case .nextItem:
            selection = nil
            return session.advance(at: now).map { [.apply($0)] } ?? notice("The agenda is complete")
        case .previousItem:
            selection = nil
            return session.goBack(at: now).map { [.apply($0)] } ?? notice("Already at the first item")
        case .toggleClock:
            return session.toggleClock(at: now).map { [.apply($0)] } ?? []
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            select(action, in: visible)
        case .moveUp, .moveDown:
            guard let selected, let index = visible.firstIndex(of: selected.id) else {
                return notice("Select a point to move (↑/↓ or j/k)")
            }
            let neighbour = action == .moveUp ? index - 1 : index + 1
            guard visible.indices.contains(neighbour), let target = session.points.index(of: visible[neighbour]) else { return [] }
            return [.apply(.pointMoved(id: selected.id, to: target))]
        case .writeNotes:
            return [.writeNotes]
        case .theme:
            mode = .naming(Composer(text: selected?.theme ?? theme ?? ""), point: selected?.id)
        }
        return []
    }

    /// The theme prompt: Enter sets it (empty clears it), Esc leaves things as they were.
    private mutating func name(_ key: Key, composer: inout Composer, point: EntityID?, session: Session, now: Date) -> [LiveEffect] {
        switch KeyMap.action(for: key, in: KeyMap.prompt) {
        case .commit?:
            mode = .browsing
            let text = TextRules.cleaned(composer.text, singleLine: true).trimmingCharacters(in: .whitespaces)
            theme = text.isEmpty ? nil : text
            guard let point, var changed = session.points[point] else {
                return notice(theme.map { "New points go under ◆ \($0)" } ?? "New points have no theme")
            }
            changed.theme = theme
            changed.editedAt = now
            return [.apply(.pointChanged(point: changed))]
        case .cancel?:
            mode = .browsing
            return notice("Theme unchanged")
        default:
            break
        }
        switch key {
        case .character(let character): composer.insert(String(character))
        case .backspace: composer.backspace()
        case .delete: composer.deleteForward()
        case .left: composer.moveLeft()
        case .right: composer.moveRight()
        case .home, .control("a"): composer.moveHome()
        case .end, .control("e"): composer.moveEnd()
        default: break
        }
        return []
    }

    /// The draft put aside, unless it edits a point that has since been deleted.
    private func resumableDraft(in session: Session) -> Composer? {
        guard let draft else { return nil }
        if let edited = draft.editing, !session.points.contains(edited) { return nil }
        return draft
    }

    private mutating func select(_ action: LiveAction, in visible: [EntityID]) {
        guard !visible.isEmpty else { return }
        let index = selection.flatMap { visible.firstIndex(of: $0) }
        let next: Int = switch action {
        case .selectPrevious: max(0, (index ?? visible.count) - 1)
        case .selectNext: min(visible.count - 1, (index ?? -1) + 1)
        case .selectFirst: 0
        default: visible.count - 1
        }
        selection = visible[next]
    }

    private mutating func compose(_ key: Key, composer: inout Composer, session: Session, now: Date) -> [LiveEffect] {
        if let action = KeyMap.action(for: key, in: KeyMap.compose) {
            switch action {
            case .commit:
                guard !composer.isBlank else { return notice("Nothing to save: type the point, or Esc to cancel") }
                mode = .browsing
                return [.apply(commitEvent(composer, session: session, now: now))]
            case .cancel:
                mode = .browsing
                guard composer.editing == nil, !composer.isBlank else { return notice("Cancelled") }
                draft = composer
                return notice("Put aside: a brings the text back")
            case .cycleKind:
                composer.cycleKind()
            case .cycleKindBack:
                composer.cycleKind(forward: false)
            case .newline:
                composer.insert("\n")
            }
            return []
        }
        switch key {
        case .character(let character): composer.insert(String(character))
        case .backspace: composer.backspace()
        case .delete: composer.deleteForward()
        case .left: composer.moveLeft()
        case .right: composer.moveRight()
        case .home, .control("a"): composer.moveHome()
        case .end, .control("e"): composer.moveEnd()
        default: break
        }
        return []
    }

    private mutating func commitEvent(_ composer: Composer, session: Session, now: Date) -> SessionEvent {
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id = composer.editing, var point = session.points[id] {
            point.text = text
            point.kind = composer.kind
            point.editedAt = now
            selection = id
            return .pointChanged(point: point)
        }
        let point = Point(
            id: session.nextID, kind: composer.kind, text: text, theme: theme,
            item: session.focusedItem?.id, createdAt: now
        )
        selection = point.id
        return .pointAdded(point: point)
    }

    private mutating func notice(_ text: String) -> [LiveEffect] {
        status = Status(text: text, isError: false)
        return []
    }

    /// The kind a new point starts as, from what the phase is for.
    static func defaultKind(for phase: PhaseKind?) -> PointKind {
        switch phase {
        case .agreement?: .agreement
        case .divergence?: .divergence
        case .nextSteps?: .action
        default: .note
        }
    }
}
