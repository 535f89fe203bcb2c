import Foundation

/// One thing captured by the note-taker.
///
/// What every point has (its kind, text, theme, item and time) is kept in the point; what only
/// some have (a speaker, an owner, an answer, an edit…) in one shared `Extras`, made anew when one
/// of them changes. A long session holds hundreds of thousands of points: with every field in the
/// point, each was 240 bytes, mostly empty, and opening a long session spent a sixth of its time
/// copying them into place.
public struct Point: Identified, Codable {
    public internal(set) var id: EntityID
    public var kind: PointKind
    public var text: String
    /// Groups points under a heading (e.g. themes of agreement); nil when ungrouped.
    public var theme: String?
    /// The agenda item the point was captured under.
    public var item: EntityID?
    public var createdAt: Date
    /// A bullet or a paragraph in the notes; nil as its section writes points.
    public var layout: PointLayout?
    /// Nil while the point has none of them.
    private var extras: Shared?

    /// What only some points have.
    private struct Extras: Equatable, Sendable {
        var subtheme: String?
        var speaker: String?
        var editedAt: Date?
        var owner: String?
        var due: String?
        var status: PointStatus?
        var answer: String?
        var origin: PointOrigin?
    }

    private final class Shared: Sendable {
        let extras: Extras

        init(_ extras: Extras) {
            self.extras = extras
        }

        /// `extras` to keep: none when it holds nothing.
        static func keeping(_ extras: Extras) -> Shared? {
            extras == Extras() ? nil : Shared(extras)
        }
    }

    private var held: Extras { extras?.extras ?? Extras() }

    private mutating func change(_ body: (inout Extras) -> Void) {
        var changed = held
        body(&changed)
        extras = Shared.keeping(changed)
    }

    /// A heading one level under the theme (a question the theme was split into); nil when none.
    public var subtheme: String? {
        get { held.subtheme }
        set { change { $0.subtheme = newValue } }
    }

    /// Attribution; only allowed where the Chatham House Rule does not apply.
    public var speaker: String? {
        get { held.speaker }
        set { change { $0.speaker = newValue } }
    }

    public var editedAt: Date? {
        get { held.editedAt }
        set { change { $0.editedAt = newValue } }
    }

    /// An action's owner: an attendee's name or anyone's (owners are who does it, not who said it,
    /// so the Rule allows them).
    public var owner: String? {
        get { held.owner }
        set { change { $0.owner = newValue } }
    }

    /// An action's due date, `YYYY-MM-DD`.
    public var due: String? {
        get { held.due }
        set { change { $0.due = newValue } }
    }

    /// An action's or a question's status; nil is open.
    public var status: PointStatus? {
        get { held.status }
        set { change { $0.status = newValue } }
    }

    /// A question's answer, once given.
    public var answer: String? {
        get { held.answer }
        set { change { $0.answer = newValue } }
    }

    /// Where a carried action or question was first raised; nil when raised in this session.
    public var origin: PointOrigin? {
        get { held.origin }
        set { change { $0.origin = newValue } }
    }

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
        self.item = item
        self.createdAt = createdAt
        self.layout = layout
        extras = Shared.keeping(Extras(subtheme: subtheme, speaker: speaker, editedAt: editedAt, owner: owner, due: due, status: status,
                                       answer: answer, origin: origin))
    }

    public static func == (lhs: Point, rhs: Point) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.text == rhs.text && lhs.theme == rhs.theme && lhs.item == rhs.item
            && lhs.createdAt == rhs.createdAt && lhs.layout == rhs.layout && lhs.extras?.extras == rhs.extras?.extras
    }

    // Written and read field by field as when every field was the point's own: the journal's form.
    private enum CodingKeys: String, CodingKey {
        case id, kind, text, theme, subtheme, item, speaker, createdAt, editedAt, owner, due, status, answer, origin, layout
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try fields.decode(EntityID.self, forKey: .id), kind: try fields.decode(PointKind.self, forKey: .kind),
            text: try fields.decode(String.self, forKey: .text), theme: try fields.decodeIfPresent(String.self, forKey: .theme),
            subtheme: try fields.decodeIfPresent(String.self, forKey: .subtheme), item: try fields.decodeIfPresent(EntityID.self, forKey: .item),
            speaker: try fields.decodeIfPresent(String.self, forKey: .speaker), createdAt: try fields.decode(Date.self, forKey: .createdAt),
            editedAt: try fields.decodeIfPresent(Date.self, forKey: .editedAt), owner: try fields.decodeIfPresent(String.self, forKey: .owner),
            due: try fields.decodeIfPresent(String.self, forKey: .due), status: try fields.decodeIfPresent(PointStatus.self, forKey: .status),
            answer: try fields.decodeIfPresent(String.self, forKey: .answer), origin: try fields.decodeIfPresent(PointOrigin.self, forKey: .origin),
            layout: try fields.decodeIfPresent(PointLayout.self, forKey: .layout))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encode(id, forKey: .id)
        try fields.encode(kind, forKey: .kind)
        try fields.encode(text, forKey: .text)
        try fields.encodeIfPresent(theme, forKey: .theme)
        try fields.encodeIfPresent(subtheme, forKey: .subtheme)
        try fields.encodeIfPresent(item, forKey: .item)
        try fields.encodeIfPresent(speaker, forKey: .speaker)
        try fields.encode(createdAt, forKey: .createdAt)
        try fields.encodeIfPresent(editedAt, forKey: .editedAt)
        try fields.encodeIfPresent(owner, forKey: .owner)
        try fields.encodeIfPresent(due, forKey: .due)
        try fields.encodeIfPresent(status, forKey: .status)
        try fields.encodeIfPresent(answer, forKey: .answer)
        try fields.encodeIfPresent(origin, forKey: .origin)
        try fields.encodeIfPresent(layout, forKey: .layout)
    }

    /// An action or a question still to be done or answered: what a follow-up carries.
    public var isOpen: Bool {
        (kind == .action || kind == .question) && (status ?? .open) == .open
    }

    /// Carried from an earlier session of the series.
    public var isCarried: Bool { origin != nil }
}
