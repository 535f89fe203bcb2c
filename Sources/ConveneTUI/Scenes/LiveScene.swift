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
    /// When someone was last known to be in the session (its journal last written, or a live
    /// screen last said it was open), if known: how long it has been closed, on opening, and where
    /// the clock of a screen that was killed stops.
    var lastSeen: Date? { get }
    /// The live screen is still open at `date` (said every `presenceInterval`).
    func markPresent(at date: Date)
    /// A registration export's header and rows (a CSV file), or why it cannot be read.
    func readRegistrationList(at path: String) throws -> RegistrationList
    /// Everyone in the session when several screens share it (empty when this one is alone).
    var people: [LivePerson] { get }
    /// This screen's person in a shared session.
    var me: LivePerson? { get }
    /// Changes whenever any screen's change is kept: the notes catch up after others' changes too.
    var revision: Int { get }
    /// This screen's saved edits that another writer replaced since the last call.
    func takeReplacedEdits() -> [ReplacedEdit]
    /// Tells the others which point this screen has open to edit (nil: none).
    func sayEditing(_ point: EntityID?)
}

extension LiveSessionBackend {
    public func close() {}
    public var lastSeen: Date? { nil }
    public func markPresent(at date: Date) {}
    public var people: [LivePerson] { [] }
    public var me: LivePerson? { nil }
    public var revision: Int { 0 }
    public func takeReplacedEdits() -> [ReplacedEdit] { [] }
    public func sayEditing(_ point: EntityID?) {}
}

/// The live screen's effects, performed on its session: changes kept, undone, the notes written,
/// the editor run; and what is being typed kept as a draft.
///
/// A change is answered as soon as it is in the journal; the notes follow when the keys pause
/// (`idle`), once for a burst of changes, and always before the screen closes and on `w`. So a
/// commit costs the append and its flush, whatever the size of the session. A change that cannot
/// be kept is refused: the screen goes back to how it was before the key, so what was being typed
/// is still in its field and Enter tries again.
public final class LiveEffects: EffectPerformer {
    private let terminal: any TerminalDevice
    private let backend: any LiveSessionBackend
    private let clock: () -> Date
    /// The draft as last saved, and when: typing is saved at most every `draftInterval`.
    private var savedDraft: Composer?
    private var draftSavedAt = Date.distantPast
    /// Changes kept since the notes were last brought up to date. True at the start: a session
    /// stopped between a change and its notes (a kill) has them brought up to date on opening.
    private var notesBehind = true
    /// The backend's revision when the notes were last brought up to date (see `revision`).
    private var notesRevision: Int?
    /// The point this screen last told the others it was editing.
    private var saidEditing: EntityID?
    public static let draftInterval: TimeInterval = 2
    private var alerts: OverrunAlerts
    /// How often an open live screen says so (`markPresent`): the most a killed screen's clock
    /// can over-count.
    public static let presenceInterval: TimeInterval = 30
    private var presentSince = Date.distantPast

    init(terminal: any TerminalDevice, backend: any LiveSessionBackend, recovered: Composer?, alerts: OverrunAlerts.Settings,
         clock: @escaping () -> Date) {
        self.terminal = terminal
        self.backend = backend
        self.clock = clock
        self.alerts = OverrunAlerts(settings: alerts)
        savedDraft = recovered
        // An item already over its time when the session opens has had its alerts.
        _ = self.alerts.check(backend.session, at: clock())
    }

    public var world: LiveWorld { LiveWorld(session: backend.session, now: clock(), people: backend.people, me: backend.me) }

    public func perform(_ effect: LiveEffect, on screen: LiveScreen) -> Performed<LiveOutcome> {
        do {
            switch effect {
            case .apply(var event, var saying):
                // A participant's point goes to the note-takers' queue rather than into the record.
                if backend.me?.role == .participant, case .pointAdded(let point, _) = event {
                    event = .proposalAdded(proposal: Proposal(proposing: point))
                    saying = "✓ Proposed: a note-taker accepts it into the record or dismisses it"
                }
                try backend.apply(event, at: clock())
                notesBehind = true
                switch event {
                case .pointAdded, .pointChanged:
                    // The point is kept: its draft goes.
                    return .done([.saved(saying: saying)] + keepDraft(of: screen, force: true))
                default:
                    return .done([.saved(saying: saying)])
                }
            case .undo:
                try backend.undo(at: clock())
                notesBehind = true
                return .done([.undone])
            case .editExternally(let text):
                let draft = keepDraft(of: screen, force: true)
                do {
                    var edited = text
                    try terminal.suspend { edited = try backend.editExternally(text) }
                    return .done(draft + [.edited(edited)])
                } catch {
                    return .done(draft + [.editorFailed("\(error)")])
                }
            case .importAttendees(let path, let nameColumn):
                return try importAttendees(from: path, nameColumn: nameColumn, keys: screen.keys)
            case .writeNotes:
                do {
                    let path = try backend.writeNotes()
                    notesBehind = false
                    return .done([.notesWritten(path: path)])
                } catch {
                    return .done([.notesNotWritten("\(error)")])
                }
            case .quit:
                return .then(.close, [])
            }
        } catch {
            return .refused(.notSaved("\(error)"))
        }
    }

    /// After every message (so at least every tick): the draft kept when due, and an alert rung
    /// when the item under way reaches one of its thresholds.
    public func settled(_ screen: LiveScreen) -> [LiveOutcome] {
        var said = keepDraft(of: screen, force: false)
        // Who edits what, for the others; and a word when someone else has this point open too.
        let editing = screen.editingPoint
        if editing != saidEditing {
            saidEditing = editing
            backend.sayEditing(editing)
            let others = backend.people.filter { $0.editing == editing && !$0.isSame(as: backend.me) }.map(\.name)
            if editing != nil, !others.isEmpty {
                said.append(.notice("\(others.joined(separator: " and ")) \(others.count == 1 ? "is" : "are") editing this point too; the one saved last stands"))
            }
        }
        // Another writer's change replaced one of this screen's edits: the text comes back to put back.
        for edit in backend.takeReplacedEdits() {
            guard let point = edit.point else {
                said.append(.problem("\(edit.by) changed ‘\(edit.place ?? "it")’ where you had just written, at the same moment, "
                    + "and theirs stands; yours: \(edit.text)"))
                continue
            }
            let kind = backend.session.points[point]?.kind ?? .note
            said.append(.replaced(Composer(text: edit.text, kind: kind, editing: point), by: edit.by))
        }
        let now = clock()
        if now.timeIntervalSince(presentSince) >= Self.presenceInterval {
            backend.markPresent(at: now)
            presentSince = now
        }
        if let alert = alerts.check(backend.session, at: clock()) {
            if alert.bell { terminal.bell() }
            said.append(.alerted(alert.message, flashUntil: alert.flashUntil))
        }
        return said
    }

    public func hasIdleWork(_ screen: LiveScreen) -> Bool { notesBehind || backend.revision != notesRevision }

    /// Brings the notes up to date after the changes kept since last time. Tried once per batch of
    /// changes: a disk that refuses is not asked again until there is something new to write.
    public func idle(_ screen: inout LiveScreen) -> [LiveOutcome] {
        guard hasIdleWork(screen) else { return [] }
        notesBehind = false
        notesRevision = backend.revision
        return backend.catchUpNotes().map { [.notesBehind($0)] } ?? []
    }

    public func finish(_ screen: LiveScreen) {
        _ = keepDraft(of: screen, force: true)
        // Nobody is in the session once its last screen closes: its item clock stops until `t` or
        // `n`. While others are still in it, the clock runs on for them.
        if backend.people.count <= 1, let stop = backend.session.stoppingClock(at: clock()) { try? backend.apply(stop, at: clock()) }
        var unchanged = screen
        _ = idle(&unchanged)
        backend.close()
    }

    /// Saves what is being typed when it changed and the last save is `draftInterval` old (or
    /// `force`); says so when it could not.
    public func keepDraft(of screen: LiveScreen, force: Bool) -> [LiveOutcome] {
        let current = screen.unsavedText
        guard current != savedDraft else { return [] }
        let now = clock()
        guard force || now.timeIntervalSince(draftSavedAt) >= Self.draftInterval else { return [] }
        do {
            try backend.saveDraft(current)
            savedDraft = current
            draftSavedAt = now
            return []
        } catch {
            return [.draftNotSaved("\(error)")]
        }
    }

    /// Adds the people of a registration list as one change; asks for the column of names when its
    /// headers do not say.
    private func importAttendees(from path: String, nameColumn: String?, keys: KeyMap) throws -> Performed<LiveOutcome> {
        let list: RegistrationList
        do {
            list = try backend.readRegistrationList(at: path)
        } catch {
            return .done([.problem("Not imported: \(error)")])
        }
        var columns = list.guessedColumns()
        if let nameColumn {
            guard let index = list.column(named: nameColumn) else {
                return .done([.problem("Not imported: no column is headed ‘\(nameColumn)’ (\(list.header.joined(separator: ", ")))")])
            }
            columns.name = index
        }
        guard columns.hasName else { return .done([.needsNameColumn(path: path, columns: list.header)]) }
        let session = backend.session
        let found = list.attendees(columns: columns, existing: session.attendees.elements, firstID: session.nextID)
        var leftOut = found.duplicates.isEmpty ? "" : "; left out \(found.duplicates.count) already listed"
        if !found.implausible.isEmpty {
            leftOut += "; left out \(found.implausible.count == 1 ? "row" : "rows") \(found.implausible.map { String($0.row) }.joined(separator: ", ")) (too long for a name)"
        }
        guard let event = found.event else {
            return .done([.problem("Nobody new in \((path as NSString).lastPathComponent)\(leftOut)")])
        }
        try backend.apply(event, at: clock())
        notesBehind = true
        let apologies = found.attendees.count(where: \.apologies)
        return .done([.saved(saying: "✓ Imported \(found.attendees.count) people, \(apologies) with apologies\(leftOut) · \(keys[.undo]) undoes")])
    }
}

/// The live screen bound to its session.
public typealias LiveScene = ScreenScene<LiveEffects>

extension ScreenScene where Performer == LiveEffects {
    /// - Parameters:
    ///   - terminal: handed to the user's editor for Ctrl-X.
    ///   - recovered: a draft left by a session that stopped mid-point, to offer back.
    ///   - problem: something found while opening the session, to say at once.
    ///   - alerts: when and how to tell the facilitator an item is running out of time.
    public convenience init(terminal: any TerminalDevice, backend: any LiveSessionBackend, recovered: Composer? = nil, problem: String? = nil,
                            alerts: OverrunAlerts.Settings = OverrunAlerts.Settings(), keys: KeyMap = .standard,
                            clock: @escaping () -> Date) {
        let performer = LiveEffects(terminal: terminal, backend: backend, recovered: recovered, alerts: alerts, clock: clock)
        let lastSeen = backend.lastSeen
        let killed = Self.stopClockLeftRunning(backend, lastSeen: lastSeen, now: clock())
        let opening = (recovered.map { [LiveOutcome.recovered($0)] } ?? []) + (problem.map { [LiveOutcome.problem($0)] } ?? [])
            + (Self.stoppedClock(of: backend.session, lastSeen: lastSeen, now: clock(), keys: keys, killed: killed)
                .map { [LiveOutcome.notice($0)] } ?? [])
        self.init(screen: LiveScreen(keys: keys), performer: performer, terminal: terminal, opening: opening)
    }

    /// A clock still running on opening belongs to a live screen that was killed (a closed one
    /// stops it): it is stopped where that screen was last seen, so the time nobody was in the
    /// session is not the item's. True when it was stopped.
    private static func stopClockLeftRunning(_ backend: any LiveSessionBackend, lastSeen: Date?, now: Date) -> Bool {
        guard backend.people.count <= 1, let lastSeen, now.timeIntervalSince(lastSeen) > LiveEffects.presenceInterval * 2,
              let running = backend.session.currentItem?.clockRunningSince,
              let stop = backend.session.stoppingClock(at: max(lastSeen, running)) else { return false }
        do {
            try backend.apply(stop, at: now)
            return true
        } catch {
            return false
        }
    }

    /// What opening says of an item under way whose clock stopped when the session last closed,
    /// or (`killed`) when its live screen was last seen.
    static func stoppedClock(of session: Session, lastSeen: Date?, now: Date, keys: KeyMap, killed: Bool = false) -> String? {
        guard let item = session.currentItem, !item.isClockRunning, let number = session.itemNumber(item.id) else { return nil }
        let away = lastSeen.map { now.timeIntervalSince($0) }.flatMap { $0 >= 60 ? " \(Int(($0 / 60).rounded())) min ago" : nil } ?? ""
        let when = killed ? "when Convene was last seen in the session (it did not close)" : "when the session closed"
        return "Item \(number)'s clock stopped \(when)\(away); \(keys[.toggleClock]) starts it again"
    }

    /// Saves what is being typed now, as on closing (for tests of the draft).
    public func keepDraft(force: Bool) {
        tell(performer.keepDraft(of: screen, force: force))
    }
}
