import ConveneCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The one authority of a live session: holds the journal's lock (through its writer), takes the
/// changes of its own screen and of every screen joined through the session's socket, checks each
/// against the sender's role, stamps it with its author, id and clock, appends and flushes it, and
/// only then sends it to every screen. A screen says saved when its change comes back.
///
/// The session lives in the journal, never only in this process's memory: a host that dies loses
/// nothing that any screen was told was saved, and the next host reads it all back from disk.
public final class SessionHost: Sendable {
    private struct Guest {
        let connection: LiveConnection
        var person: LivePerson
    }

    private struct State {
        let writer: SessionWriter
        var guests: [Int: Guest] = [:]
        var nextGuest = 0
        var closed = false
        /// Who opened the session: a later screen of the same name, without a role, is its facilitator again.
        var facilitator: String?
        /// Each person's ballot token in each vote, in memory only: it never reaches the journal.
        var ballotTokens: [String: [EntityID: String]] = [:]
        /// The last saved edit of each point edited while hosting: where, by whom, what it said.
        var lastEdits: [EntityID: (seq: Int, by: String, text: String)] = [:]
        /// The host's own edits that another writer replaced, for its screen to take.
        var ownReplaced: [ReplacedEdit] = []
        /// Who last changed each divergence table, item and context while hosting.
        var lastEditors: [EntityID: String] = [:]
        /// The point the host's own screen has open to edit.
        var ownEditing: EntityID?
    }

    public let folder: SessionFolder
    /// The host's own screen.
    public let person: LivePerson
    private let state: Mutex<State>
    private let listener: Int32
    private let clock: @Sendable () -> Date
    private let changed: @Sendable () -> Void
    private let ownUser = geteuid()

    /// Hosts the session `writer` holds, listening on its socket.
    /// - Parameters:
    ///   - facilitator: who first opened the session (the host itself when it is the first).
    ///   - changed: called (on another thread) when another screen changed the session or who is in it.
    public init(writer: sending SessionWriter, person: LivePerson, facilitator: String?, clock: @escaping @Sendable () -> Date,
                changed: @escaping @Sendable () -> Void) throws(StoreError) {
        folder = writer.folder
        self.person = person
        self.clock = clock
        self.changed = changed
        listener = try LiveSocket.listen(in: writer.folder)
        writer.author = person.name
        state = Mutex(State(writer: writer, facilitator: facilitator ?? (person.role == .facilitator ? person.name : nil)))
        let thread = Thread { [self] in acceptScreens() }
        thread.start()
    }

    deinit { Glibc.close(listener) }

    // MARK: The host's own screen

    public var session: Session { state.withLock { $0.writer.session } }

    /// Everyone in the session, the host first.
    public var people: [LivePerson] { state.withLock { people(in: $0) } }

    public var facilitator: String? { state.withLock { $0.facilitator } }

    /// Applies the host screen's own change; returns once it is on disk and sent to every screen.
    /// What it creates takes the next ids free (another screen may have taken those it was made with).
    /// `original`: for a table, an item or a context, the change holding the value the screen showed.
    @discardableResult
    public func apply(_ event: SessionEvent, at date: Date, id: EventID = .random(), original: SessionEvent? = nil) throws -> JournalRecord {
        try state.withLock { state in
            let record = try keep(event, by: person, base: state.writer.log.lastSeq, original: original, at: date, id: id, in: &state)
            broadcast(.record(record), in: state)
            return record
        }
    }

    /// Keeps one screen's change: ids given out, a ballot pinned to its person, a table merged with
    /// what others changed in it meanwhile; appended and flushed; and whoever's edit it replaced told.
    private func keep(_ event: SessionEvent, by person: LivePerson, base: Int, original: SessionEvent?, at date: Date, id: EventID,
                      in state: inout State) throws -> JournalRecord {
        let (merged, replaced) = Self.merged(event, from: original, in: state.writer.session)
        // Checked once merged: a note-taker's response made before the facilitator moved the
        // clock carries the old clock, which the merge leaves as the facilitator set it.
        if let refusal = person.role.refusal(of: merged, in: state.writer.session) { throw LiveRefusal(reason: refusal) }
        let (prepared, author) = Self.prepare(merged, by: person, in: &state)
        let record = try state.writer.apply(prepared, at: date, id: id, by: author)
        tellReplaced(by: record, from: person, base: base, in: &state)
        if var replaced {
            replaced.edit.by = person.name
            tell(replaced.edit, to: state.lastEditors[replaced.entity], in: &state)
        }
        if let entity = Self.mergedEntity(of: record.event) { state.lastEditors[entity] = person.name }
        return record
    }

    /// Undoes the host screen's own newest change.
    @discardableResult
    public func undo(at date: Date, id: EventID = .random()) throws -> JournalRecord {
        try state.withLock { state in
            let record = try state.writer.undo(at: date, id: id, by: person.name)
            broadcast(.record(record), in: state)
            return record
        }
    }

    /// The host screen's own edits that another writer replaced since the last call.
    public func takeOwnReplaced() -> [ReplacedEdit] {
        state.withLock { state in
            defer { state.ownReplaced.removeAll() }
            return state.ownReplaced
        }
    }

    public func canUndo() -> Bool { state.withLock { $0.writer.log.canUndo(by: person.name) } }

    /// Whether a change under `id` is among the newest the journal kept.
    public func hasKept(_ id: EventID) -> Bool { state.withLock { $0.writer.log.hasRecent(id) } }

    /// Writes a checkpoint when one is due (see `SessionWriter.saveCheckpointIfDue`).
    public func saveCheckpointIfDue() {
        state.withLock { $0.writer.saveCheckpointIfDue() }
    }

    /// The place of the journal's last record.
    public var lastSeq: Int { state.withLock { $0.writer.log.lastSeq } }

    /// Stops hosting: every screen is let go (each then takes over or reconnects), the socket
    /// removed, the lock released.
    public func close() {
        let guests = state.withLock { state -> [Guest] in
            guard !state.closed else { return [] }
            state.closed = true
            LiveSocket.remove(in: folder)
            state.writer.close()
            defer { state.guests = [:] }
            return Array(state.guests.values)
        }
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for guest in guests { guest.connection.shutDown() }
    }

    // MARK: Screens joined through the socket

    private func acceptScreens() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            // Not handed to the user's editor or any other program this one starts.
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let connection = LiveConnection(fd: fd)
            // Only this user's own processes: the socket's permissions say so too, but the kernel's
            // word on who connected is the one that cannot be got round.
            guard connection.peerUser == ownUser else {
                connection.shutDown()
                continue
            }
            let number = state.withLock { state -> Int? in
                guard !state.closed else { return nil }
                defer { state.nextGuest += 1 }
                return state.nextGuest
            }
            guard let number else { return connection.shutDown() }
            connection.receive({ [self] message in receive(message, from: number, on: connection) },
                               ended: { [self] in leave(number) })
        }
    }

    private func receive(_ message: LiveMessage, from number: Int, on connection: LiveConnection) {
        switch message {
        case .hello(let name, let role):
            join(number, name: name, role: role, on: connection)
        case .change(let id, let event, let base, let original):
            keep(id: id, from: number, on: connection) { state, person throws in
                try keep(event, by: person, base: base, original: original, at: clock(), id: id, in: &state)
            } check: { _, _ in nil }
        case .editing(let point):
            let moved = state.withLock { state -> Bool in
                guard state.guests[number] != nil, state.guests[number]?.person.editing != point else { return false }
                state.guests[number]?.person.editing = point
                broadcast(.people(people(in: state), facilitator: state.facilitator), in: state)
                return true
            }
            if moved { changed() }
        case .undo(let id):
            // Only a change kept under the person's name is theirs to undo (an anonymous one never is).
            keep(id: id, from: number, on: connection) { state, person throws in
                try state.writer.undo(at: clock(), id: id, by: person.name)
            } check: { _, role in role.refusalToWrite }
        default:
            // A screen that says what only a host says is not a screen of this version: let go.
            connection.shutDown()
        }
    }

    private func join(_ number: Int, name asked: String, role: LiveRole?, on connection: LiveConnection) {
        let said = state.withLock { state -> Bool in
            guard !state.closed, state.guests[number] == nil else { return false }
            // Two screens of one name (a second terminal of the same login) are told apart, so
            // that each undoes only its own changes.
            let taken = Set(people(in: state).map(\.name))
            var name = asked
            var count = 2
            while taken.contains(name) {
                name = "\(asked) \(count)"
                count += 1
            }
            let role = role ?? (name == state.facilitator ? .facilitator : .noteTaker)
            if role == .facilitator && state.facilitator == nil { state.facilitator = name }
            state.guests[number] = Guest(connection: connection, person: LivePerson(name: name, role: role))
            // Sent while the journal cannot grow: every record after `lastSeq` reaches this screen.
            connection.send(.welcome(person: LivePerson(name: name, role: role), lastSeq: state.writer.log.lastSeq,
                                     people: people(in: state), facilitator: state.facilitator))
            broadcast(.people(people(in: state), facilitator: state.facilitator), in: state, except: number)
            return true
        }
        if said { changed() } else { connection.shutDown() }
    }

    /// Keeps one change of screen `number`: checked against its role, made, answered.
    private func keep(id: EventID, from number: Int, on connection: LiveConnection,
                      _ make: (inout State, LivePerson) throws -> JournalRecord, check: (State, LiveRole) -> String?) {
        let kept = state.withLock { state -> Bool in
            guard let guest = state.guests[number] else { connection.shutDown(); return false }
            // Sent again after a host died before answering: the journal has it once already.
            if state.writer.log.hasRecent(id) {
                connection.send(.alreadyKept(id: id))
                return false
            }
            if let refusal = check(state, guest.person.role) {
                connection.send(.refused(id: id, reason: refusal))
                return false
            }
            do {
                let record = try make(&state, guest.person)
                broadcast(.record(record), in: state)
                return true
            } catch {
                connection.send(.refused(id: id, reason: "\(error)"))
                return false
            }
        }
        if kept { changed() }
    }

    private func leave(_ number: Int) {
        let left = state.withLock { state -> Bool in
            guard state.guests.removeValue(forKey: number) != nil else { return false }
            broadcast(.people(people(in: state), facilitator: state.facilitator), in: state)
            return true
        }
        if left { changed() }
    }

    /// When `record` edits a point that someone else edited after `base` (what its writer had
    /// seen), the host's order has replaced their edit with this one: they are told, with their
    /// text to put back. Then `record` is the point's last edit.
    private func tellReplaced(by record: JournalRecord, from person: LivePerson, base: Int, in state: inout State) {
        guard case .pointChanged(let point) = record.event, record.undoes == nil else { return }
        if let earlier = state.lastEdits[point.id], earlier.seq > base, earlier.by != person.name, earlier.text != point.text {
            tell(ReplacedEdit(point: point.id, text: earlier.text, by: person.name), to: earlier.by, in: &state)
        }
        state.lastEdits[point.id] = (record.seq, person.name, point.text)
    }

    /// Tells `writer` (the host's own screen, or a joined one) that their edit was replaced.
    private func tell(_ edit: ReplacedEdit, to writer: String?, in state: inout State) {
        guard let writer, writer != edit.by else { return }
        if writer == person.name {
            state.ownReplaced.append(edit)
        } else if let guest = state.guests.values.first(where: { $0.person.name == writer }) {
            guest.connection.send(.replaced(edit))
        }
    }

    /// A table, item or context changed from `original` while another writer's change to it was
    /// kept: the two merged part by part (see `ThreeWayMerge`), and what the later replaced, if anything.
    private static func merged(_ event: SessionEvent, from original: SessionEvent?, in session: Session)
        -> (SessionEvent, (edit: ReplacedEdit, entity: EntityID)?) {
        let result: (event: SessionEvent, replaced: [String], place: String, entity: EntityID)
        switch (event, original) {
        case (.topicChanged(let mine), .topicChanged(let base)?):
            guard let kept = session.topics[mine.id], kept != base else { return (event, nil) }
            let (topic, replaced) = kept.merging(mine, from: base)
            result = (.topicChanged(topic: topic), replaced, topic.title, topic.id)
        case (.itemChanged(let mine), .itemChanged(let base)?):
            guard let kept = session.agenda[mine.id], kept != base else { return (event, nil) }
            let (item, replaced) = kept.merging(mine, from: base)
            result = (.itemChanged(item: item), replaced, item.title, item.id)
        case (.contextChanged(let mine), .contextChanged(let base)?):
            guard let kept = session.contexts[mine.id], kept != base else { return (event, nil) }
            let (context, replaced) = kept.merging(mine, from: base)
            result = (.contextChanged(context: context), replaced, context.name, context.id)
        default:
            return (event, nil)
        }
        guard !result.replaced.isEmpty else { return (result.event, nil) }
        let edit = ReplacedEdit(point: nil, text: result.replaced.joined(separator: "; "), by: "", place: result.place)
        return (result.event, (edit, result.entity))
    }

    /// What a change merged part by part changes: a table, an item or a context.
    private static func mergedEntity(of event: SessionEvent) -> EntityID? {
        switch event {
        case .topicChanged(let topic): topic.id
        case .itemChanged(let item): item.id
        case .contextChanged(let context): context.id
        default: nil
        }
    }

    /// `event` as the host keeps it for `person`, and the name it is kept under: what it creates
    /// takes the next ids free, and a person's second ballot in a vote replaces their first (their
    /// screen may have been restarted and chosen another token).
    private static func prepare(_ event: SessionEvent, by person: LivePerson, in state: inout State) -> (SessionEvent, String?) {
        var event = event.givingNewIDs(to: state.writer.session.nextID)
        if case .ballotCast(let vote, var ballot) = event {
            if let token = state.ballotTokens[person.name]?[vote] { ballot.token = token }
            state.ballotTokens[person.name, default: [:]][vote] = ballot.token
            event = .ballotCast(vote: vote, ballot: ballot)
        }
        return (event, author(person, of: event, in: state.writer.session))
    }

    /// Who the journal says made a change: the writer's name, except that under the Chatham House
    /// Rule a participant's contribution (a proposal, a rating) and anyone's ballot carry no name at all.
    static func author(_ person: LivePerson, of event: SessionEvent, in session: Session) -> String? {
        guard session.isAnyPartUnderRule else { return person.name }
        return person.role == .participant || event.isAnonymousUnderRule ? nil : person.name
    }

    private func people(in state: State) -> [LivePerson] {
        var host = person
        host.editing = state.ownEditing
        return [host] + state.guests.sorted { $0.key < $1.key }.map(\.value.person)
    }

    /// The point the host's own screen has open to edit, for the others to see.
    public func sayEditing(_ point: EntityID?) {
        state.withLock { state in
            guard state.ownEditing != point else { return }
            state.ownEditing = point
            broadcast(.people(people(in: state), facilitator: state.facilitator), in: state)
        }
    }

    private func broadcast(_ message: LiveMessage, in state: State, except excluded: Int? = nil) {
        guard let line = try? message.line() else { return }
        for (number, guest) in state.guests where number != excluded { guest.connection.send(line: line) }
    }
}

/// A change the host refused for the sender's role.
public struct LiveRefusal: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { reason }
}
