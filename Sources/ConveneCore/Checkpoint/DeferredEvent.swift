import Foundation

/// An event the log may never need in full: an undo step's inverse, or what a script's keyed
/// change was. A log restored from a checkpoint keeps them encoded, so that opening a long session
/// does not decode thousands of inverses that are almost never asked for.
enum DeferredEvent: Sendable {
    /// Boxed: in place, every undo step would be as large as the largest event (a whole point):
    /// opening a session of 10,000 points faulted in about 950 pages more, nearly all of them empty.
    indirect case event(SessionEvent)
    /// In the checkpoint's form (see `CheckpointEventCoding`), decoded on first use.
    case encoded(Data)
}

/// How the engine's callers turn events into bytes and back: the store's journal format. The
/// engine keeps no format of its own for events, so a checkpoint stores exactly what a journal
/// line would hold.
public struct CheckpointEventCoding: Sendable {
    public let encode: @Sendable (SessionEvent) throws -> Data
    public let decode: @Sendable (Data) throws -> SessionEvent

    public init(encode: @escaping @Sendable (SessionEvent) throws -> Data, decode: @escaping @Sendable (Data) throws -> SessionEvent) {
        self.encode = encode
        self.decode = decode
    }

    /// The common inverse, a removed point, gets a tag and its id instead of a JSON document:
    /// a session of 10,000 points has 10,000 of them on its undo stack.
    private static let removedPointTag: UInt8 = 1
    private static let encodedTag: UInt8 = 0

    func write(_ event: DeferredEvent, to writer: inout ByteWriter) throws {
        switch event {
        case .encoded(let data):
            writer.bytes(data)
        case .event(.pointRemoved(let id)):
            var compact = ByteWriter()
            compact.count(Int(Self.removedPointTag))
            compact.count(id.rawValue)
            writer.bytes(compact.data)
        case .event(let event):
            var tagged = Data([Self.encodedTag])
            tagged.append(try encode(event))
            writer.bytes(tagged)
        }
    }

    func resolve(_ event: DeferredEvent) throws -> SessionEvent {
        switch event {
        case .event(let event):
            return event
        case .encoded(let data):
            guard let tag = data.first else { throw CheckpointError("an event is empty") }
            if tag == Self.removedPointTag {
                return try ByteReader.reading(Data(data.dropFirst())) { reader in .pointRemoved(id: EntityID(try reader.count())) }
            }
            guard tag == Self.encodedTag else { throw CheckpointError("an event has the unknown tag \(tag)") }
            return try decode(Data(data.dropFirst()))
        }
    }
}
