import ConveneCore
import Dispatch
import Foundation
import Synchronization

/// A screen's connection to the host of its live session: sends its intents, and gathers what the
/// host sends (every record kept, who is in the session, the answers to its own intents) for the
/// screen to take when it next draws.
final class GuestLink: Sendable {
    enum Answer: Sendable {
        case kept
        case refused(String)
        /// The connection ended before an answer came.
        case hostGone
        case timedOut
    }

    struct Welcome: Sendable {
        var person: LivePerson
        var lastSeq: Int
    }

    private struct Inbox {
        var welcome: Welcome?
        var records: [JournalRecord] = []
        var people: [LivePerson] = []
        var facilitator: String?
        /// The ids this screen waits on, and their answers once they come.
        var awaited: [EventID: Answer?] = [:]
        var replaced: [ReplacedEdit] = []
        var ended = false
    }

    private let connection: LiveConnection
    private let inbox = Mutex(Inbox())
    private let arrived = DispatchSemaphore(value: 0)

    private init(connection: LiveConnection) {
        self.connection = connection
    }

    /// Joins the session's host as `name`, or nil when no host answers on the socket.
    /// - Parameter changed: called, on another thread, whenever something arrives for the screen.
    static func connect(to folder: SessionFolder, name: String, role: LiveRole?, changed: @escaping @Sendable () -> Void) throws(StoreError) -> (GuestLink, Welcome)? {
        guard let fd = try LiveSocket.connect(to: folder) else { return nil }
        let link = GuestLink(connection: LiveConnection(fd: fd))
        link.connection.receive({ [link] message in
            link.take(message)
            changed()
        }, ended: { [link] in
            link.inbox.withLock { $0.ended = true }
            link.arrived.signal()
            changed()
        })
        guard link.connection.sendNow(.hello(name: name, role: role)) else { return nil }
        let deadline = DispatchTime.now() + .seconds(2)
        while true {
            let (welcome, ended) = link.inbox.withLock { ($0.welcome, $0.ended) }
            if let welcome { return (link, welcome) }
            if ended || link.arrived.wait(timeout: deadline) == .timedOut {
                link.close()
                return nil
            }
        }
    }

    private func take(_ message: LiveMessage) {
        inbox.withLock { inbox in
            switch message {
            case .welcome(let person, let lastSeq, let people, let facilitator):
                inbox.welcome = Welcome(person: person, lastSeq: lastSeq)
                inbox.people = people
                inbox.facilitator = facilitator
            case .record(let record):
                inbox.records.append(record)
                if let id = record.id, inbox.awaited.keys.contains(id) { inbox.awaited[id] = .some(.kept) }
            case .alreadyKept(let id):
                if inbox.awaited.keys.contains(id) { inbox.awaited[id] = .some(.kept) }
            case .refused(let id, let reason):
                if inbox.awaited.keys.contains(id) { inbox.awaited[id] = .some(.refused(reason)) }
            case .replaced(let edit):
                inbox.replaced.append(edit)
            case .people(let people, let facilitator):
                inbox.people = people
                inbox.facilitator = facilitator
            case .hello, .change, .undo, .editing:
                break
            }
        }
        arrived.signal()
    }

    /// The records kept since the last call, in the host's order, and who is in the session.
    func takeArrivals() -> (records: [JournalRecord], people: [LivePerson], facilitator: String?, ended: Bool) {
        inbox.withLock { inbox in
            defer { inbox.records.removeAll(keepingCapacity: true) }
            return (inbox.records, inbox.people, inbox.facilitator, inbox.ended)
        }
    }

    /// Sends `message`, an intent under `id`, and waits for its answer until `deadline`.
    func ask(_ message: LiveMessage, id: EventID, until deadline: DispatchTime) -> Answer {
        inbox.withLock { _ = $0.awaited.updateValue(nil, forKey: id) }
        defer { inbox.withLock { _ = $0.awaited.removeValue(forKey: id) } }
        guard connection.sendNow(message) else { return .hostGone }
        while true {
            let (answer, ended) = inbox.withLock { ($0.awaited[id] ?? nil, $0.ended) }
            if let answer { return answer }
            if ended { return .hostGone }
            if arrived.wait(timeout: deadline) == .timedOut { return .timedOut }
        }
    }

    var ended: Bool { inbox.withLock { $0.ended } }

    /// Tells the host without waiting for an answer (there is none).
    func tell(_ message: LiveMessage) {
        connection.send(message)
    }

    /// This screen's edits replaced by others since the last call.
    func takeReplaced() -> [ReplacedEdit] {
        inbox.withLock { inbox in
            defer { inbox.replaced.removeAll() }
            return inbox.replaced
        }
    }

    func close() {
        connection.shutDown()
    }
}
