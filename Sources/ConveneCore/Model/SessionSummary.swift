/// A saved session as it is listed (`convene list`, the home screen, the review list): what a
/// person needs to pick one.
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
    /// Whether the facilitator has ended it: it opens to be read, and amending it changes no times.
    public var ended: Bool
    /// Its open actions and unanswered questions, carried ones included: in a series, the latest
    /// session's count is the series'.
    public var open: Int

    public init(folder: String, path: String = "", title: String, date: String, kind: String, chathamHouse: Bool,
                attendees: Int, points: Int, topics: Int = 0, contexts: Int = 0, series: String? = nil, ended: Bool = false,
                open: Int = 0) {
        (self.folder, self.path, self.title, self.date, self.kind, self.chathamHouse) = (folder, path, title, date, kind, chathamHouse)
        (self.attendees, self.points, self.topics, self.contexts, self.series) = (attendees, points, topics, contexts, series)
        self.ended = ended
        self.open = open
    }
}
