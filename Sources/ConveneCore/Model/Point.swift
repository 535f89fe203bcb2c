import Foundation

/// One thing captured by the note-taker.
public struct Point: Identified, Codable {
    public let id: EntityID
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

    public init(
        id: EntityID, kind: PointKind, text: String, theme: String? = nil, subtheme: String? = nil,
        item: EntityID? = nil, speaker: String? = nil, createdAt: Date, editedAt: Date? = nil
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
    }
}
