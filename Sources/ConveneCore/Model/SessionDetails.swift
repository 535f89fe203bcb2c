import Foundation

/// What a session is: the heading of its record.
public struct SessionDetails: Codable, Sendable, Equatable {
    public var title: String
    /// The kind of session, usually the template's name (roundtable, peer-learning, …).
    public var kind: String
    /// The day it is held, `YYYY-MM-DD`.
    public var date: String
    public var purpose: String
    public var hosts: [String]
    public var chathamHouse: Bool
    /// The template it was started from, for the record.
    public var template: String
    /// The series it belongs to (a peer-learning group meeting many times), by name; nil if none.
    public var series: String?
    /// When the session must end (the room is booked until then); nil when no one said.
    public var hardEnd: Date?
    /// When the facilitator ended it (`n` on the last item, or `convene end`); nil while it runs.
    /// An ended session can still be amended, but its times no longer change.
    public var endedAt: Date?
    /// The session of the series before this one, and the one after: the notes link to both.
    public var previous: SessionReference?
    public var next: SessionReference?

    public init(
        title: String, kind: String, date: String, purpose: String = "", hosts: [String] = [],
        chathamHouse: Bool, template: String = "", series: String? = nil, hardEnd: Date? = nil, endedAt: Date? = nil,
        previous: SessionReference? = nil, next: SessionReference? = nil
    ) {
        self.title = title
        self.kind = kind
        self.date = date
        self.purpose = purpose
        self.hosts = hosts
        self.chathamHouse = chathamHouse
        self.template = template
        self.series = series
        self.hardEnd = hardEnd
        self.endedAt = endedAt
        self.previous = previous
        self.next = next
    }
}
