import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// The live screen's changes, kept by the store: each event is in the journal (fsync'd) before the
/// screen says saved; `notes.md` follows when the live scene asks (`catchUpNotes`).
final class StoreBackend: LiveSessionBackend {
    private let writer: SessionWriter
    private let notes: SessionNotes
    private let signals: TerminationSignals

    init(writer: SessionWriter, renderer: NotesRenderer, signals: TerminationSignals) {
        self.writer = writer
        notes = SessionNotes(folder: writer.folder, renderer: renderer)
        self.signals = signals
    }

    var session: Session { writer.session }

    var lastSeen: Date? {
        [writer.folder.journal, writer.folder.presence].compactMap { url in
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }.max()
    }

    /// Best effort: a presence not kept only means a killed screen's clock stops a little earlier.
    func markPresent(at date: Date) {
        writer.folder.markPresent(at: date)
    }

    func apply(_ event: SessionEvent, at date: Date) throws {
        try writer.apply(event, at: date)
    }

    func undo(at date: Date) throws {
        try writer.undo(at: date)
    }

    /// The notes, and a checkpoint when enough has changed since the last (both cost milliseconds
    /// on a long session, so they wait for a pause in typing as the notes do).
    func catchUpNotes() -> String? {
        defer { writer.saveCheckpointIfDue() }
        return notes.problem(bringingUpTo: writer.session)
    }

    func writeNotes() throws -> String {
        try notes.write(writer.session)
    }

    func readRegistrationList(at path: String) throws -> RegistrationList {
        try convene.readRegistrationList(path)
    }

    func saveDraft(_ composer: Composer?) throws {
        let firstNewID = writer.session.nextID
        try writer.folder.saveDraft(composer.map { Draft(text: $0.text, kind: $0.kind, editing: $0.editing, firstNewID: firstNewID) })
    }

    func close() {
        writer.saveCheckpointIfDue()
        writer.close()
    }

    /// The live screen over this session, offering back the point that was being typed when the
    /// last live session on it stopped.
    func liveScene(on terminal: any TerminalDevice, alerts: OverrunAlerts.Settings = OverrunAlerts.Settings(), keys: KeyMap = .standard) -> LiveScene {
        do {
            let recovered = try writer.folder.loadDraft(for: writer.session).map { Composer(text: $0.text, kind: $0.kind, editing: $0.editing) }
            return LiveScene(terminal: terminal, backend: self, recovered: recovered, alerts: alerts, keys: keys, clock: { .nowToTheSecond })
        } catch {
            return LiveScene(terminal: terminal, backend: self, problem: "Unsaved text not offered back: \(error)", alerts: alerts,
                             keys: keys, clock: { .nowToTheSecond })
        }
    }
}

extension StoreBackend {
    func editExternally(_ text: String) throws -> String {
        try signals.sparingInterrupts { try ExternalEditor(environment: ProcessInfo.processInfo.environment).edit(text) }
    }
}
