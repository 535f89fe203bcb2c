import ConveneCore

/// What a mouse click landed on, as the screen that drew it named it (`Frame.mark`). The program
/// looks a click's row and column up in the frame on screen, so a screen hears of the thing clicked,
/// never of coordinates.
public enum ClickTarget: Hashable, Sendable {
    /// An entry of a list by its index: a session, a person, a context, a finding, a heading.
    case entry(Int)
    /// A captured point.
    case point(EntityID)
    /// An item of the agenda.
    case agendaItem(EntityID)
    /// A cell of the divergence table: its row (a dimension) and column (a perspective), from 0.
    case cell(row: Int, column: Int)
}
