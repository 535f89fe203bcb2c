import Foundation

/// One thing captured by the note-taker.
public struct Point: Identified, Codable {
    public internal(set) var id: EntityID
    public var kind: PointKind
    public var text: String
    /// Groups points under a heading (e.g. themes of agreement); nil when ungrouped.
    public var theme: String?
    /// A heading one level under the theme (a question the theme was split into); nil when none.
    public var subtheme: String?
    /// The agenda item the point was captured under.
    public var item: EntityID?
    /// Attribution; only allowed where the Chatham House Rule does not apply.
    public var speaker: String?
    public var createdAt: Date
    public var editedAt: Date?
    /// An action's owner: an attendee's name or anyone's (owners are who does it, not who said it,
    /// so the Rule allows them).
    public var owner: String?
    /// An action's due date, `YYYY-MM-DD`.
    public var due: String?
    /// An action's or a question's status; nil is open.
    public var status: PointStatus?
    /// A question's answer, once given.
    public var answer: String?
    /// Where a carried action or question was first raised; nil when raised in this session.
    public var origin: PointOrigin?
    /// A bullet or a paragraph in the notes; nil as its section writes points.
    public var layout: PointLayout?

    public init(
        id: EntityID, kind: PointKind, text: String, theme: String? = nil, subtheme: String? = nil,
        item: EntityID? = nil, speaker: String? = nil, createdAt: Date, editedAt: Date? = nil,
        owner: String? = nil, due: String? = nil, status: PointStatus? = nil, answer: String? = nil, origin: PointOrigin? = nil,
        layout: PointLayout? = nil
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.theme = theme
        self.subtheme = subtheme
        self.item = item
        self.speaker = speaker
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.owner = owner
        self.due = due
        self.status = status
        self.answer = answer
        self.origin = origin
        self.layout = layout
    }

    /// An action or a question still to be done or answered: what a follow-up carries.
    public var isOpen: Bool {
        (kind == .action || kind == .question) && (status ?? .open) == .open
    }

    /// Carried from an earlier session of the series.
    public var isCarried: Bool { origin != nil }
}
