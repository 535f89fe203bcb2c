import ConveneCore
import Foundation

/// Where the live screen's changes go: the store, in the app; a test double in tests.
/// Every method returns only once the change is safely kept.
public protocol LiveSessionBackend: AnyObject {
    var session: Session { get }
    /// Keeps the change. Throws when it was not kept (then nothing changed); returns once it is in
    /// the journal, without waiting for the notes (see `catchUpNotes`).
    func apply(_ event: SessionEvent, at date: Date) throws
    func undo(at date: Date) throws
    /// Brings `notes.md` up to date with every change kept so far, if it is behind; returns why it
    /// could not (the changes are kept all the same, and the notes catch up at the next try).
    func catchUpNotes() -> String?
    /// Writes `notes.md` now and returns its path.
    func writeNotes() throws -> String
    /// Keeps the point being typed (or forgets it, with nil) so that a crash does not lose it.
    func saveDraft(_ composer: Composer?) throws
    /// Runs the user's editor on `text` (the terminal is theirs meanwhile) and returns the result.
    func editExternally(_ text: String) throws -> String
    /// The live screen is closing: let go of the session (its lock).
    func close()
    /// A registration export's header and rows (a CSV file), or why it cannot be read.
    func readRegistrationList(at path: String) throws -> RegistrationList
}

extension LiveSessionBackend {
    public func close() {}
}

/// The live screen bound to its session: performs the screen's effects on the backend and sends
/// their outcomes back to it, and keeps what is being typed as a draft.
///
/// A change is answered as soon as it is in the journal; the notes follow when the keys pause
/// (`idle`), once for a burst of changes, and always before the scene closes and on `w`. So a
/// commit costs the append and its flush, whatever the size of the session.
public final class LiveScene: Scene {
    private let terminal: any TerminalDevice
    private let backend: any LiveSessionBackend
    private let clock: () -> Date
    public private(set) var screen: LiveScreen
    /// The draft as last saved, and when: typing is saved at most every `draftInterval`.
    private var savedDraft: Composer?
    private var draftSavedAt = Date.distantPast
    /// Changes kept since the notes were last brought up to date. True at the start: a session
    /// stopped between a change and its notes (a kill) has them brought up to date on opening.
    private var notesBehind = true
    public static let draftInterval: TimeInterval = 2
    private var alerts: OverrunAlerts

    /// - Parameters:
    ///   - terminal: handed to the user's editor for Ctrl-X.
    ///   - recovered: a draft left by a session that stopped mid-point, to offer back.
    ///   - problem: something found while opening the session, to say at once.
    ///   - alerts: when and how to tell the facilitator an item is running out of time.
    public init(terminal: any TerminalDevice, backend: any LiveSessionBackend, recovered: Composer? = nil, problem: String? = nil,
                alerts: OverrunAlerts.Settings = OverrunAlerts.Settings(), keys: KeyMap = .standard, clock: @escaping () -> Date) {
        screen = LiveScreen(keys: keys)
        self.terminal = terminal
        self.backend = backend
        self.clock = clock
        self.alerts = OverrunAlerts(settings: alerts)
        _ = self.alerts.check(backend.session, at: clock())
        if let recovered {
            tell(.recovered(recovered))
            savedDraft = recovered
        }
        if let problem { tell(.problem(problem)) }
    }

    public var minimumSize: (width: Int, height: Int) { LiveScreen.minimumSize }

    public func render(width: Int, height: Int) -> Frame {
        screen.render(session: backend.session, now: clock(), width: width, height: height)
    }

    /// A key's effects are one step: if a change it asks for cannot be saved, the screen goes back to
    /// how it was before the key, so what was being typed is still in its field and Enter tries again.
    public func receive(_ message: Message<Never>) -> Transition {
        let now = clock()
        let before = screen
        let effects = screen.update(message.widened(), session: backend.session, now: now)
        var transition = Transition.stay
        for effect in effects {
            switch perform(effect, at: now) {
            case .done: break
            case .quit: transition = .close
            case .failed(let problem):
                screen = before
                tell(.notSaved(problem))
                return .stay
            }
        }
        keepDraft(force: false)
        alertIfDue(at: now)
        return transition
    }

    /// Rings and flashes when the item under way reaches one of its thresholds (checked on every
    /// message, so at least every tick).
    private func alertIfDue(at now: Date) {
        guard let alert = alerts.check(backend.session, at: now) else { return }
        if alert.bell { terminal.bell() }
        tell(.alerted(alert.message, flashUntil: alert.flashUntil))
    }

    public func finish() {
        keepDraft(force: true)
        idle()
        backend.close()
    }

    public var hasIdleWork: Bool { notesBehind }

    /// Brings the notes up to date after the changes kept since last time. Tried once per batch of
    /// changes: a disk that refuses is not asked again until there is something new to write.
    public func idle() {
        guard notesBehind else { return }
        notesBehind = false
        if let problem = backend.catchUpNotes() { tell(.notesBehind(problem)) }
    }

    /// Adds the people of a registration list as one change; asks for the column of names when its
    /// headers do not say.
    private func importAttendees(from path: String, nameColumn: String?, at now: Date) -> Performed {
        let list: RegistrationList
        do {
            list = try backend.readRegistrationList(at: path)
        } catch {
            tell(.problem("Not imported: \(error)"))
            return .done
        }
        var columns = list.guessedColumns()
        if let nameColumn {
            guard let index = list.column(named: nameColumn) else {
                tell(.problem("Not imported: no column is headed ‘\(nameColumn)’ (\(list.header.joined(separator: ", ")))"))
                return .done
            }
            columns.name = index
        }
        guard columns.hasName else {
            tell(.needsNameColumn(path: path, columns: list.header))
            return .done
        }
        let session = backend.session
        let found = list.attendees(columns: columns, existing: session.attendees.elements, firstID: session.nextID)
        var leftOut = found.duplicates.isEmpty ? "" : "; left out \(found.duplicates.count) already listed"
        if !found.implausible.isEmpty {
            leftOut += "; left out \(found.implausible.count == 1 ? "row" : "rows") \(found.implausible.map { String($0.row) }.joined(separator: ", ")) (too long for a name)"
        }
        guard let event = found.event else {
            tell(.problem("Nobody new in \((path as NSString).lastPathComponent)\(leftOut)"))
            return .done
        }
        let apologies = found.attendees.count(where: \.apologies)
        return perform(.apply(event, saying: "✓ Imported \(found.attendees.count) people, \(apologies) with apologies\(leftOut) · \(screen.keys[.undo]) undoes"),
                       at: now)
    }

    private func tell(_ outcome: LiveOutcome) {
        _ = screen.update(.outcome(outcome), session: backend.session, now: clock())
    }

    /// Saves what is being typed when it changed and the last save is `draftInterval` old (or `force`).
    public func keepDraft(force: Bool) {
        let current = screen.unsavedText
        guard current != savedDraft else { return }
        let now = clock()
        guard force || now.timeIntervalSince(draftSavedAt) >= Self.draftInterval else { return }
        do {
            try backend.saveDraft(current)
            savedDraft = current
            draftSavedAt = now
        } catch {
            tell(.draftNotSaved("\(error)"))
        }
    }

    private enum Performed {
        case done
        case quit
        /// A change was not saved; the text says why.
        case failed(String)
    }

    private func perform(_ effect: LiveEffect, at now: Date) -> Performed {
        do {
            switch effect {
            case .apply(let event, let saying):
                try backend.apply(event, at: now)
                notesBehind = true
                tell(.saved(saying: saying))
                if case .pointAdded = event { keepDraft(force: true) }
                if case .pointChanged = event { keepDraft(force: true) }
            case .undo:
                try backend.undo(at: now)
                notesBehind = true
                tell(.undone)
            case .editExternally(let text):
                keepDraft(force: true)
                do {
                    var edited = text
                    try terminal.suspend { edited = try backend.editExternally(text) }
                    tell(.edited(edited))
                } catch {
                    tell(.editorFailed("\(error)"))
                }
            case .importAttendees(let path, let nameColumn):
                return importAttendees(from: path, nameColumn: nameColumn, at: now)
            case .writeNotes:
                do {
                    tell(.notesWritten(path: try backend.writeNotes()))
                    notesBehind = false
                } catch {
                    tell(.notesNotWritten("\(error)"))
                }
            case .quit:
                return .quit
            }
        } catch {
            return .failed("\(error)")
        }
        return .done
    }
}
