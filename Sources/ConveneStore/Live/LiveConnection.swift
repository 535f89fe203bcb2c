import ConveneCore
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One end of a live session's socket: messages out through a queue of their own (a screen that
/// stops reading never holds up the host or the others), messages in on a thread of their own.
final class LiveConnection: Sendable {
    /// The most messages that may wait for a screen that is not reading: past it the screen is let
    /// go (it reconnects and reads the journal), so the host's memory stays flat.
    static let backlogLimit = 4_096
    /// The longest line accepted: a change holds at most a long point or an imported list.
    static let lineLimit = 64 << 20

    private let fd: Int32
    private let outbox = DispatchQueue(label: "convene.live.outbox")
    private let waiting = Atomic<Int>(0)
    private let isClosed = Atomic<Bool>(false)

    init(fd: Int32) {
        self.fd = fd
        // Writes to a screen that went away fail rather than end the program.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { close(fd) }

    var closed: Bool { isClosed.load(ordering: .acquiring) }

    /// Sends `message` after those before it; false when the connection is closed or too far behind.
    @discardableResult
    func send(_ message: LiveMessage) -> Bool {
        guard let line = try? message.line() else { return false }
        return send(line: line)
    }

    /// Sends a message already encoded (`LiveMessage.line()`): what the host sends every screen
    /// is encoded once, not once per screen.
    @discardableResult
    func send(line: Data) -> Bool {
        guard !closed else { return false }
        guard waiting.add(1, ordering: .relaxed).newValue <= Self.backlogLimit else {
            shutDown()
            return false
        }
        outbox.async { [self] in
            defer { waiting.subtract(1, ordering: .relaxed) }
            guard !closed else { return }
            if (try? POSIX.writeAll(fd, line, path: LiveSocket.name)) == nil { shutDown() }
        }
        return true
    }

    /// Sends `message` now, on the calling thread: for a screen's own intents, which it waits on.
    func sendNow(_ message: LiveMessage) -> Bool {
        guard !closed, let line = try? message.line() else { return false }
        return outbox.sync { (try? POSIX.writeAll(fd, line, path: LiveSocket.name)) != nil }
    }

    /// Reads messages until the other end goes (or sends something that is not a message), on a
    /// thread of its own; then `ended`.
    func receive(_ handle: @escaping @Sendable (LiveMessage) -> Void, ended: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            var reader = LineReader(fd: fd, limit: Self.lineLimit)
            while let line = reader.next(), let message = try? LiveMessage(line: line) {
                handle(message)
            }
            shutDown()
            ended()
        }
        thread.start()
    }

    /// Ends the connection both ways; the reading thread then stops.
    func shutDown() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// The user at the other end.
    var peerUser: uid_t? { LiveSocket.peerUser(of: fd) }
}

/// Whole lines from a descriptor, read in blocks.
struct LineReader {
    let fd: Int32
    let limit: Int
    private var buffer = Data()
    private var scanned = 0

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// The next line without its newline, or nil at the end, on an error or past `limit`.
    mutating func next() -> Data? {
        var block = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                scanned = buffer.startIndex
                return Data(line)
            }
            scanned = buffer.endIndex
            guard buffer.count < limit else { return nil }
            let count = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: block[0..<count])
        }
    }
}
