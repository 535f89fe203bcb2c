/// How a point stands in the notes: a bullet in its theme's list, or a paragraph of its own (prose
/// under a theme, as records often write it). Nil: as its section writes points (bullets; next
/// steps in paragraphs).
public enum PointLayout: String, Codable, Sendable, CaseIterable {
    case bullet
    case paragraph
}
