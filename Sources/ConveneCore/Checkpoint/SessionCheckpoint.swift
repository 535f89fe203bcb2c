import Foundation

/// A `SessionLog` as bytes, so that a writer can continue a long session without replaying its
/// whole journal. Points, the bulk of any long session, are written field by field; the rest of the
/// session (a few dozen items, people, topics) as one JSON document; undo steps and keyed changes
/// stay encoded until someone asks for them.
///
/// Pure and unaware of files: the store decides when a checkpoint is written and whether one still
/// matches its journal.
public enum SessionCheckpoint {
    /// Raised whenever the layout below changes: an older checkpoint is then simply not used.
    static let formatVersion = 3

    /// Everything of a session but its points.
    private struct Frame: Codable {
        var details: SessionDetails
        var attendees: [Attendee]
        var agenda: [AgendaItem]
        var topics: [DivergenceTopic]
        var contexts: [ContextAssessment]
        var proposals: [Proposal]
        var votes: [Vote]
        var quadrantGuide: [EbrahimQuadrant: QuadrantGuide]
        var acknowledgedFindings: [String]
        var isCreated: Bool
        var lastID: Int
    }

    public static func encode(_ log: SessionLog, events: CheckpointEventCoding) throws -> Data {
        let session = log.session
        let frame = Frame(
            details: session.details, attendees: session.attendees.elements, agenda: session.agenda.elements,
            topics: session.topics.elements, contexts: session.contexts.elements, proposals: session.proposals.elements, votes: session.votes.elements, quadrantGuide: session.quadrantGuide,
            acknowledgedFindings: session.acknowledgedFindings.sorted(), isCreated: session.isCreated, lastID: session.lastID)
        var writer = ByteWriter()
        writer.count(formatVersion)
        writer.bytes(try JSONEncoder().encode(frame))
        writer.count(log.lastSeq)
        writer.count(log.lastClock)
        writer.count(log.recentIDs.ordered.count)
        for id in log.recentIDs.ordered { writer.string(id.rawValue) }
        writer.count(session.points.count)
        for id in session.points.ids {
            guard let point = session.points[id] else { continue }
            write(point, to: &writer)
        }
        writer.count(log.undoStack.count)
        for step in log.undoStack {
            writer.count(step.seq)
            writer.optional(step.by) { $0.string($1) }
            try events.write(step.inverse, to: &writer)
        }
        writer.count(log.keyed.count)
        for (key, change) in log.keyed.sorted(by: { $0.value.seq < $1.value.seq }) {
            writer.string(key)
            writer.count(change.seq)
            try events.write(change.event, to: &writer)
        }
        return writer.data
    }

    public static func decode(_ data: Data, events: CheckpointEventCoding) throws -> SessionLog {
        try ByteReader.reading(data) { reader in try decode(&reader, events: events) }
    }

    /// What a checkpoint says before its points, read from the first bytes of it (`prefix`): the
    /// session's details (title, date, series links) and the sequence number of the last journal
    /// line it holds. Throws when `prefix` ends sooner than that, or is no checkpoint this version reads.
    public static func opening(of prefix: Data) throws -> (details: SessionDetails, lastSeq: Int) {
        try ByteReader.reading(prefix) { reader in
            try readVersion(&reader)
            let details = try JSONDecoder().decode(FrameDetails.self, from: try reader.bytes()).details
            return (details, try reader.count())
        }
    }

    /// The frame's details alone: decoding the rest of it would be wasted on a title.
    private struct FrameDetails: Decodable {
        var details: SessionDetails
    }

    private static func readVersion(_ reader: inout ByteReader) throws(CheckpointError) {
        let version = try reader.count()
        guard version == formatVersion else { throw CheckpointError("format \(version), this version reads \(formatVersion)") }
    }

    private static func decode(_ reader: inout ByteReader, events: CheckpointEventCoding) throws -> SessionLog {
        try readVersion(&reader)
        let frame: Frame
        do {
            frame = try JSONDecoder().decode(Frame.self, from: try reader.bytes())
        } catch {
            throw CheckpointError("the session's frame does not decode: \(error)")
        }
        var log = SessionLog()
        log.eventCoding = events
        log.lastSeq = try reader.count()
        log.lastClock = try reader.count()
        let recentCount = try reader.count()
        var recent: [EventID] = []
        for _ in 0..<min(recentCount, RecentEventIDs.capacity) { recent.append(EventID(try reader.string())) }
        guard recentCount <= RecentEventIDs.capacity else { throw CheckpointError("keeps more recent ids than a log does") }
        log.recentIDs = RecentEventIDs(recent)
        // Straight into the session's store: through an array, every point was copied once more
        // and let go, about a tenth of opening 10,000 points.
        var points = OrderedStore<Point>()
        var pointsByItem: [EntityID?: [EntityID]] = [:]
        let pointCount = try reader.count()
        // With room for the points a writer adds next: the first of them would otherwise move every
        // point of a long session into a larger store.
        points.reserveCapacity(min(pointCount + pointCount / 16 + 16, 1 << 20))
        // Points come in runs of the same item: each run is filed under its item at once, where
        // filing every point hashed its item (a seventh of opening a long session).
        var run: (item: EntityID?, ids: [EntityID]) = (nil, [])
        func fileRun() { if !run.ids.isEmpty { pointsByItem[run.item, default: []] += run.ids } }
        for _ in 0..<pointCount {
            let point = try readPoint(&reader)
            let (id, item) = (point.id, point.item)
            // Handed over, not copied: the store takes the point this loop is done with.
            guard points.appendNew(point) else { throw CheckpointError("point \(id) is there twice") }
            if item != run.item {
                fileRun()
                run = (item, [])
            }
            run.ids.append(id)
        }
        fileRun()
        let undoCount = try reader.count()
        log.undoStack.reserveCapacity(min(undoCount, 1 << 20))
        for _ in 0..<undoCount {
            let seq = try reader.count()
            let author = try reader.optional { reader throws(CheckpointError) in try reader.string() }
            log.undoStack.append(SessionLog.Undoable(seq: seq, inverse: .encoded(try reader.bytes()), by: author))
        }
        let keyedCount = try reader.count()
        for _ in 0..<keyedCount {
            let key = try reader.string()
            let seq = try reader.count()
            log.keyed[key] = SessionLog.KeyedChange(seq: seq, event: .encoded(try reader.bytes()))
        }
        guard reader.isAtEnd else { throw CheckpointError("has bytes after its end") }
        guard (0...EntityID.largest.rawValue).contains(frame.lastID) else { throw CheckpointError("gives out ids past the largest") }
        log.session = Session(restoring: frame.details, attendees: frame.attendees, agenda: frame.agenda, points: points,
                              pointsByItem: pointsByItem, topics: frame.topics, contexts: frame.contexts, proposals: frame.proposals, votes: frame.votes, quadrantGuide: frame.quadrantGuide,
                              acknowledgedFindings: Set(frame.acknowledgedFindings), isCreated: frame.isCreated, lastID: frame.lastID)
        return log
    }

    private static func write(_ point: Point, to writer: inout ByteWriter) {
        writer.count(point.id.rawValue)
        writer.string(point.kind.rawValue)
        writer.string(point.text)
        writer.optional(point.theme) { $0.string($1) }
        writer.optional(point.subtheme) { $0.string($1) }
        writer.optional(point.item) { $0.count($1.rawValue) }
        writer.optional(point.speaker) { $0.string($1) }
        writer.date(point.createdAt)
        writer.optional(point.editedAt) { $0.date($1) }
        writer.optional(point.owner) { $0.string($1) }
        writer.optional(point.due) { $0.string($1) }
        writer.optional(point.status) { $0.string($1.rawValue) }
        writer.optional(point.answer) { $0.string($1) }
        writer.optional(point.origin) { writer, origin in
            writer.string(origin.session.folder)
            writer.string(origin.session.title)
            writer.string(origin.session.date)
            writer.count(origin.point.rawValue)
        }
        writer.optional(point.layout) { $0.string($1.rawValue) }
    }

    private static func readPoint(_ reader: inout ByteReader) throws(CheckpointError) -> Point {
        let id = EntityID(try reader.count())
        guard let kind = try reader.oneOf(pointKinds) else {
            throw CheckpointError("point \(id) has a kind this version does not know")
        }
        return Point(
            id: id, kind: kind, text: try reader.string(),
            theme: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            subtheme: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            item: try reader.optional { reader throws(CheckpointError) in EntityID(try reader.count()) },
            speaker: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            createdAt: try reader.date(),
            editedAt: try reader.optional { reader throws(CheckpointError) in try reader.date() },
            owner: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            due: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            status: try reader.optional { reader throws(CheckpointError) in
                guard let status = PointStatus(rawValue: try reader.string()) else {
                    throw CheckpointError("point \(id) has a status this version does not know")
                }
                return status
            },
            answer: try reader.optional { reader throws(CheckpointError) in try reader.string() },
            origin: try reader.optional { reader throws(CheckpointError) in
                PointOrigin(session: SessionReference(folder: try reader.string(), title: try reader.string(), date: try reader.string()),
                            point: EntityID(try reader.count()))
            },
            layout: try reader.optional { reader throws(CheckpointError) in
                guard let layout = PointLayout(rawValue: try reader.string()) else {
                    throw CheckpointError("point \(id) has a layout this version does not know")
                }
                return layout
            })
    }

    /// Each kind's name as the checkpoint stores it, matched as bytes: no `String` made per point.
    private static let pointKinds = PointKind.allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
}

extension Session {
    /// A session put back together from a checkpoint's parts.
    init(
        restoring details: SessionDetails, attendees: [Attendee], agenda: [AgendaItem], points: OrderedStore<Point>,
        pointsByItem: [EntityID?: [EntityID]], topics: [DivergenceTopic], contexts: [ContextAssessment], proposals: [Proposal], votes: [Vote], quadrantGuide: [EbrahimQuadrant: QuadrantGuide],
        acknowledgedFindings: Set<String>, isCreated: Bool, lastID: Int
    ) {
        self.init()
        self.details = details
        self.attendees = OrderedStore(attendees)
        self.agenda = OrderedStore(agenda)
        self.points = points
        self.topics = OrderedStore(topics)
        self.contexts = OrderedStore(contexts)
        self.proposals = OrderedStore(proposals)
        self.votes = OrderedStore(votes)
        self.quadrantGuide = quadrantGuide
        self.acknowledgedFindings = acknowledgedFindings
        self.isCreated = isCreated
        self.lastID = lastID
        self.pointsByItem = pointsByItem
    }
}
