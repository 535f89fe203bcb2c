import ConveneCore
import Foundation

extension SessionFolder {
    /// A session of a series and the sessions it is linked to, in order: found by following each
    /// session's previous and next links among its sibling folders. A link to a folder that is gone
    /// or does not load ends the walk that way; the others still come.
    public struct Series: Sendable {
        public var sessions: [(reference: SessionReference, session: Session)]
        /// Linked sessions that could not be read, each said with why.
        public var problems: [String]

        public var ledger: SeriesLedger { SeriesLedger(sessions) }
        public var name: String? { sessions.last?.session.seriesName }
    }

    /// This session's series (just this session when it is linked to none).
    public func series() throws(StoreError) -> Series {
        let session = try load().log.session
        let own = session.reference(folder: name)
        var seen: Set<String> = [name]
        var problems: [String] = []
        func walk(from start: Session, _ step: (Session) -> SessionReference?) -> [(SessionReference, Session)] {
            var found: [(SessionReference, Session)] = []
            var current = start
            while let link = step(current), seen.insert(link.folder).inserted {
                let sibling = SessionFolder(url: url.deletingLastPathComponent().appendingPathComponent(link.folder, isDirectory: true))
                do {
                    current = try sibling.load().log.session
                } catch {
                    problems.append("\(link.folder): \(error)")
                    break
                }
                found.append((current.reference(folder: link.folder), current))
            }
            return found
        }
        let before = walk(from: session) { $0.details.previous }
        let after = walk(from: session) { $0.details.next }
        return Series(sessions: before.reversed() + [(own, session)] + after, problems: problems)
    }
}
