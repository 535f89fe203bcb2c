import ConveneCore

/// One line of `convene list`: what a person needs to pick a session.
public struct SessionSummary: Codable, Sendable, Equatable {
    public var folder: String
    public var path: String
    public var title: String
    public var date: String
    public var kind: String
    public var chathamHouse: Bool
    public var attendees: Int
    public var points: Int
    public var topics: Int
    public var contexts: Int
    /// The series it belongs to, when it is one of a group's meetings.
    public var series: String?

    init(folder: String, path: String, title: String, date: String, kind: String, chathamHouse: Bool,
         attendees: Int, points: Int, topics: Int, contexts: Int, series: String?) {
        (self.folder, self.path, self.title, self.date, self.kind, self.chathamHouse) = (folder, path, title, date, kind, chathamHouse)
        (self.attendees, self.points, self.topics, self.contexts, self.series) = (attendees, points, topics, contexts, series)
    }

    public init(folder: SessionFolder, session: Session) {
        self.folder = folder.name
        path = folder.url.path
        title = session.details.title
        date = session.details.date
        kind = session.details.kind
        chathamHouse = session.details.chathamHouse
        attendees = session.attendees.elements.filter { !$0.apologies }.count
        points = session.points.count
        topics = session.topics.count
        contexts = session.contexts.count
        series = session.details.series
    }
}
