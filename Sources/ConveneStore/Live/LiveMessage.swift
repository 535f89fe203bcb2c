import ConveneCore
import Foundation

/// What a live session's host and the screens joined to it say to each other: one JSON object per
/// line on the session's socket.
///
/// A screen sends intents (a change, an undo), each under an id it chose; the host answers every
/// one, with the record it kept (sent to every screen, the sender's answer included) or why not.
/// The case and label names are the format between versions on one machine: rename none of them.
enum LiveMessage: Codable, Sendable {
    // To the host.
    /// The first line of a screen: who it is, and the role it asks for (nil: the host decides).
    case hello(name: String, role: LiveRole?)
    /// A change made on a screen that had the journal up to `base`; what it creates takes the
    /// host's next ids.
    /// `original`: for a change to a divergence table, an agenda item or a context, the same change
    /// holding the value it was made from, so that what another writer changed meanwhile is merged
    /// in rather than replaced.
    case change(id: EventID, event: SessionEvent, base: Int, original: SessionEvent?)
    case undo(id: EventID)
    /// The point this screen has open to edit (nil: none now), for the others to see.
    case editing(point: EntityID?)

    // From the host.
    /// The screen is in, as `person` (its name made unique in the session); the journal has
    /// `lastSeq` records on disk, to read from there.
    case welcome(person: LivePerson, lastSeq: Int, people: [LivePerson], facilitator: String?)
    /// A change kept on disk, for every screen.
    case record(JournalRecord)
    /// A change sent again whose first sending was kept (the host died before answering).
    case alreadyKept(id: EventID)
    case refused(id: EventID, reason: String)
    /// This screen's saved edit was replaced by another writer's made at the same time.
    case replaced(ReplacedEdit)
    /// Who is in the session now.
    case people([LivePerson], facilitator: String?)

    /// The line that carries the message, newline included.
    func line() throws -> Data {
        var data = try LiveMessage.encoder.encode(self)
        data.append(0x0A)
        return data
    }

    init(line: Data) throws {
        self = try LiveMessage.decoder.decode(LiveMessage.self, from: line)
    }

    private static let encoder = JournalCoding.encoder()
    private static let decoder = JournalCoding.decoder()
}
