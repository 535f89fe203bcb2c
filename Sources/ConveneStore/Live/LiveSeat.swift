import ConveneCore
import Dispatch
import Foundation

/// A screen's place in a live session: its host when no one else holds the session, else a screen
/// joined to the host through the session's socket. The screen sees one session either way, and
/// every change it makes is on disk before `apply` returns.
///
/// No single point of loss: when the host goes away, a joined screen takes the lock and becomes the
/// host (or, when another screen was quicker, joins it), within `takeoverTime`; a change it had
/// sent without an answer is sent again under the same id, and kept once.
public final class LiveSeat {
    private enum Place {
        case host(SessionHost)
        case guest(GuestLink)
        /// Neither yet, or the host went away and nobody could be reached.
        case nowhere
    }

    /// How long a screen tries to take a session over, or reach its host, before giving up.
    public static let takeoverTime: Duration = .seconds(2)
    /// How long a joined screen waits for the host to answer a change.
    static let answerSeconds = 5

    public let folder: SessionFolder
    /// This screen: the name it joined under and the role the host gave it.
    public private(set) var person: LivePerson
    private var place: Place
    /// A joined screen's copy of the session, kept in step with the records the host sends.
    private var replica = SessionLog()
    /// A hosting screen's session as it last read it: what its changes are made from.
    private var shown = Session()
    private var joinedPeople: [LivePerson] = []
    private var facilitator: String?
    private let clock: @Sendable () -> Date
    private let changed: @Sendable () -> Void
    /// When a screen that lost its host next tries to find one.
    private var nextAttempt = ContinuousClock.now
    /// The point this screen last said it was editing.
    private var saidEditing: EntityID?
    /// Whether this screen may host the session: a follower only ever joins a host.
    private var canHost = true
    /// What opening found worth telling (a torn last line dropped).
    public private(set) var warnings: [String] = []

    private init(folder: SessionFolder, person: LivePerson, place: Place, clock: @escaping @Sendable () -> Date,
                 changed: @escaping @Sendable () -> Void) {
        self.folder = folder
        self.person = person
        self.place = place
        self.clock = clock
        self.changed = changed
    }

    /// Takes a seat in the session: hosts it when nobody holds it, else joins its host.
    /// - Parameters:
    ///   - role: asked for; nil lets the session decide (the first screen facilitates, later ones take notes).
    ///   - changed: called on another thread when another screen changed something; the screen redraws.
    public static func take(_ folder: SessionFolder, as name: String, role: LiveRole?, clock: @escaping @Sendable () -> Date,
                            changed: @escaping @Sendable () -> Void) throws -> LiveSeat {
        let seat = LiveSeat(folder: folder, person: LivePerson(name: name, role: role ?? .facilitator),
                            place: .nowhere, clock: clock, changed: changed)
        try seat.findPlace(askingFor: role, facilitator: nil)
        return seat
    }

    /// Joins the session's host as a viewer that never hosts (`convene follow`): nil when nobody
    /// hosts the session now. When its host goes away it looks for the next one, and meanwhile
    /// `isJoined` is false.
    public static func follow(_ folder: SessionFolder, as name: String, clock: @escaping @Sendable () -> Date,
                              changed: @escaping @Sendable () -> Void) -> LiveSeat? {
        let seat = LiveSeat(folder: folder, person: LivePerson(name: name, role: .viewer), place: .nowhere, clock: clock, changed: changed)
        seat.canHost = false
        guard (try? seat.findPlace(askingFor: .viewer, facilitator: nil)) != nil else { return nil }
        return seat
    }

    /// Whether the screen is joined to a live host now, or hosts the session itself.
    public var isJoined: Bool {
        switch place {
        case .host: return true
        case .guest(let link): return !link.ended
        case .nowhere: return false
        }
    }

    public var isHost: Bool {
        if case .host = place { return true }
        return false
    }

    /// The session as kept, with every other screen's changes so far.
    public var session: Session {
        switch place {
        case .host(let host):
            shown = host.session
            return shown
        case .guest, .nowhere:
            catchUp()
            return replica.session
        }
    }

    /// Everyone in the session, the host first.
    public var people: [LivePerson] {
        switch place {
        case .host(let host): return host.people
        case .guest, .nowhere: catchUp(); return joinedPeople
        }
    }

    /// Keeps `event`: when this returns it is on disk, and on its way to every screen.
    public func apply(_ event: SessionEvent, at date: Date) throws {
        let id = EventID.random()
        switch place {
        case .host(let host):
            // The change was made from the session as last shown, which another screen's change may since have passed.
            try host.apply(event, at: date, id: id, original: Self.original(of: event, in: shown))
        case .guest, .nowhere:
            let original = Self.original(of: event, in: replica.session)
            try ask(.change(id: id, event: event, base: replica.lastSeq, original: original), id: id) { host in
                try host.apply(event, at: date, id: id, original: original)
            }
        }
    }

    /// For a change to a divergence table, an agenda item or a context: the same change holding
    /// the value `session` had, which the change was made from.
    private static func original(of event: SessionEvent, in session: Session) -> SessionEvent? {
        switch event {
        case .topicChanged(let topic): session.topics[topic.id].map { .topicChanged(topic: $0) }
        case .itemChanged(let item): session.agenda[item.id].map { .itemChanged(item: $0) }
        case .contextChanged(let context): session.contexts[context.id].map { .contextChanged(context: $0) }
        default: nil
        }
    }

    /// Undoes this screen's own newest change.
    public func undo(at date: Date) throws {
        let id = EventID.random()
        switch place {
        case .host(let host):
            try host.undo(at: date, id: id)
        case .guest, .nowhere:
            try ask(.undo(id: id), id: id) { host in try host.undo(at: date, id: id) }
        }
    }

    /// Whose draft this screen keeps: nil (`draft.json`) for the person who opened the session,
    /// as when a session has one screen; the person's name for the others.
    public var draftOwner: String? {
        let opener: String? = switch place {
        case .host(let host): host.facilitator
        case .guest, .nowhere: facilitator
        }
        return person.name == opener ? nil : person.name
    }

    /// The place of the last record this screen has taken in.
    public var lastSeq: Int {
        switch place {
        case .host(let host): return host.lastSeq
        case .guest, .nowhere: catchUp(); return replica.lastSeq
        }
    }

    /// Tells the others which point this screen has open to edit (nil: none).
    public func sayEditing(_ point: EntityID?) {
        guard point != saidEditing else { return }
        saidEditing = point
        switch place {
        case .host(let host): host.sayEditing(point)
        case .guest(let link): link.tell(.editing(point: point))
        case .nowhere: break
        }
    }

    /// This screen's edits that another writer's change replaced since the last call.
    public func takeReplaced() -> [ReplacedEdit] {
        switch place {
        case .host(let host): return host.takeOwnReplaced()
        case .guest(let link): return link.takeReplaced()
        case .nowhere: return []
        }
    }

    /// Whether this screen has a change of its own to undo.
    public var canUndo: Bool {
        switch place {
        case .host(let host): return host.canUndo()
        case .guest, .nowhere: catchUp(); return replica.canUndo(by: person.name)
        }
    }

    /// Writes a checkpoint when one is due; only the host writes them.
    public func saveCheckpointIfDue() {
        if case .host(let host) = place { host.saveCheckpointIfDue() }
    }

    /// Leaves the session: a host lets every screen go (one of them takes over).
    public func close() {
        switch place {
        case .host(let host): host.close()
        case .guest(let link): link.close()
        case .nowhere: break
        }
        place = .nowhere
    }

    // MARK: Joined screens

    /// Sends an intent and waits for the host's answer. A host that goes away first is taken over
    /// (or the next host reached) and the intent sent again under the same id: kept once.
    private func ask(_ message: LiveMessage, id: EventID, asHost: (SessionHost) throws -> Void) throws {
        for _ in 0..<3 {
            if case .nowhere = place { try findPlace(askingFor: person.role, facilitator: facilitator) }
            guard case .guest(let link) = place else { break }
            switch link.ask(message, id: id, until: .now() + .seconds(Self.answerSeconds)) {
            case .kept:
                catchUp()
                return
            case .refused(let reason):
                throw LiveRefusal(reason: reason)
            case .timedOut:
                throw LiveRefusal(reason: "not saved: the session's host did not answer within \(Self.answerSeconds) s")
            case .hostGone:
                try findPlace(askingFor: person.role, facilitator: facilitator)
            }
        }
        guard case .host(let host) = place else { throw LiveRefusal(reason: "not saved: the session's host keeps going away") }
        if host.hasKept(id) { return }
        try asHost(host)
    }

    /// Takes in what the host sent since the last look; after the host went away, takes its place.
    private func catchUp() {
        if case .nowhere = place, ContinuousClock.now >= nextAttempt {
            // Tried again now and then, not at every frame: each try may take `takeoverTime`.
            nextAttempt = ContinuousClock.now.advanced(by: .seconds(3))
            try? findPlace(askingFor: person.role, facilitator: facilitator)
        }
        guard case .guest(let link) = place else { return }
        let arrivals = link.takeArrivals()
        joinedPeople = arrivals.people
        facilitator = arrivals.facilitator
        for record in arrivals.records where record.seq > replica.lastSeq {
            guard record.seq == replica.lastSeq + 1, (try? replica.replay(record)) != nil else {
                // Out of step with the host: the journal on disk has everything, in order.
                reload()
                break
            }
        }
        if arrivals.ended {
            nextAttempt = ContinuousClock.now.advanced(by: .seconds(3))
            try? findPlace(askingFor: person.role, facilitator: facilitator)
        }
    }

    private func reload() {
        if let loaded = try? folder.load() { replica = loaded.log }
    }

    /// Hosts the session if its lock is free, else joins whoever holds it; tries for `takeoverTime`.
    private func findPlace(askingFor role: LiveRole?, facilitator: String?) throws {
        if case .guest(let link) = place { link.close() }
        place = .nowhere
        // The next host knows nothing of what this screen said it was editing.
        saidEditing = nil
        let deadline = ContinuousClock.now.advanced(by: Self.takeoverTime)
        var lastProblem: (any Error)?
        repeat {
            do {
                guard canHost else { throw StoreError.alreadyLocked(path: folder.url.path) }
                let writer = try SessionWriter.open(folder, author: person.name)
                warnings = writer.warnings
                person.role = role ?? .facilitator
                place = .host(try SessionHost(writer: writer, person: person, facilitator: facilitator, clock: clock, changed: changed))
                return
            } catch StoreError.alreadyLocked {
                // Someone holds it: their host answers on the socket (or is about to).
            }
            do {
                if let (link, welcome) = try GuestLink.connect(to: folder, name: person.name, role: role, changed: changed) {
                    person = welcome.person
                    place = .guest(link)
                    let loaded = try folder.load()
                    replica = loaded.log
                    warnings = loaded.warnings
                    catchUp()
                    return
                }
            } catch {
                lastProblem = error
            }
            // A follower asks once: its screen shows the journal meanwhile, and asks again later.
            guard canHost else { break }
            Thread.sleep(forTimeInterval: 0.02)
        } while ContinuousClock.now < deadline
        throw lastProblem ?? StoreError.liveSessionUnreachable(path: folder.url.path)
    }
}
