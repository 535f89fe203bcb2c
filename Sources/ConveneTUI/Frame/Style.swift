/// How a cell looks. Colours are roles, not colours: the adapter maps them to the terminal's palette,
/// and to attributes alone where colour is unavailable or `NO_COLOR` is set.
public struct Style: Hashable, Sendable {
    public enum Role: Int, Sendable, CaseIterable {
        case accent = 1, muted, warning, danger, success, badge, selection
    }

    public var role: Role?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(role: Role? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let heading = Style(role: .accent, bold: true)
    public static let muted = Style(role: .muted, dim: true)
    public static let warning = Style(role: .warning, bold: true)
    public static let danger = Style(role: .danger, bold: true)
    public static let badge = Style(role: .badge, bold: true, reverse: true)
    public static let selected = Style(role: .selection, reverse: true)
    public static let key = Style(role: .accent, bold: true)
}
