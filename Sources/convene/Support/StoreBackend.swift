import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// The live screen's changes, kept by the store: each event is in the journal (fsync'd) before the
/// screen says saved, whether this screen hosts the session or joined another screen's host (then
/// "saved" waits for the host's answer); `notes.md` follows when the live scene asks (`catchUpNotes`).
final class StoreBackend: LiveSessionBackend {
    private let seat: LiveSeat
    private let notes: SessionNotes
    private let signals: TerminationSignals

    init(seat: LiveSeat, renderer: NotesRenderer, signals: TerminationSignals) {
        self.seat = seat
        notes = SessionNotes(folder: seat.folder, renderer: renderer)
        self.signals = signals
    }

    var session: Session { seat.session }

    /// Shown once a second screen is in the session, or when this one is not its facilitator.
    var people: [LivePerson] { seat.people }
    var me: LivePerson? { seat.person }
    /// Moves with every change kept by any screen: the notes catch up after others' changes too.
    var revision: Int { seat.session.isCreated ? seat.lastSeq : 0 }

    func takeReplacedEdits() -> [ReplacedEdit] { seat.takeReplaced() }

    func sayEditing(_ point: EntityID?) { seat.sayEditing(point) }

    var lastSeen: Date? {
        [seat.folder.journal, seat.folder.presence].compactMap { url in
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }.max()
    }

    /// Best effort: a presence not kept only means a killed screen's clock stops a little earlier.
    func markPresent(at date: Date) {
        seat.folder.markPresent(at: date)
    }

    func apply(_ event: SessionEvent, at date: Date) throws {
        try seat.apply(event, at: date)
    }

    func undo(at date: Date) throws {
        try seat.undo(at: date)
    }

    /// The notes, and a checkpoint when enough has changed since the last (both cost milliseconds
    /// on a long session, so they wait for a pause in typing as the notes do). The host writes
    /// them for everyone; a joined screen leaves them to it.
    func catchUpNotes() -> String? {
        guard seat.isHost else { return nil }
        defer { seat.saveCheckpointIfDue() }
        return notes.problem(bringingUpTo: seat.session)
    }

    func writeNotes() throws -> String {
        try notes.write(seat.session)
    }

    func readRegistrationList(at path: String) throws -> RegistrationList {
        try convene.readRegistrationList(path)
    }

    func saveDraft(_ composer: Composer?) throws {
        let firstNewID = seat.session.nextID
        try seat.folder.saveDraft(composer.map { Draft(text: $0.text, kind: $0.kind, editing: $0.editing, firstNewID: firstNewID) },
                                  of: seat.draftOwner)
    }

    func close() {
        seat.saveCheckpointIfDue()
        seat.close()
    }

    /// The live screen over this session, offering back the point that was being typed when this
    /// person's last live screen on it stopped.
    func liveScene(on terminal: any TerminalDevice, alerts: OverrunAlerts.Settings = OverrunAlerts.Settings(), keys: KeyMap = .standard) -> LiveScene {
        do {
            let recovered = try seat.folder.loadDraft(for: seat.session, of: seat.draftOwner)
                .map { Composer(text: $0.text, kind: $0.kind, editing: $0.editing) }
            return LiveScene(terminal: terminal, backend: self, recovered: recovered, alerts: alerts, keys: keys, clock: { .nowToTheSecond })
        } catch {
            return LiveScene(terminal: terminal, backend: self, problem: "Unsaved text not offered back: \(error)", alerts: alerts,
                             keys: keys, clock: { .nowToTheSecond })
        }
    }
}

extension StoreBackend {
    func editExternally(_ text: String) throws -> String {
        try signals.sparingInterrupts { try ExternalEditor(environment: ProcessEnvironment.current).edit(text) }
    }

    /// Takes a seat in the session at `folder`: hosts it, or joins its host. `wakeup` is signalled
    /// whenever another screen changes the session, so the screen redraws at once.
    static func seat(in folder: SessionFolder, as name: String?, role: LiveRole?, wakeup: Wakeup?) throws -> LiveSeat {
        try LiveSeat.take(folder, as: name ?? LoginName.current, role: role, clock: { .nowToTheSecond }, changed: { wakeup?.signal() })
    }
}
