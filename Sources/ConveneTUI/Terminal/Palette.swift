/// Which terminal colour draws each role of `Style`: the defaults, or the user's (config.toml's
/// `[colour]`). Colours are the terminal's own numbers, so a theme follows the terminal's palette.
public struct Palette: Equatable, Sendable {
    /// A terminal colour: its number (0–7 the basic eight, up to 255 on a 256-colour terminal), or
    /// -1 for the terminal's own foreground.
    public typealias Colour = Int16

    public var colours: [Style.Role: Colour]

    public static let standard = Palette(colours: [
        .accent: 6, .muted: -1, .warning: 3, .danger: 1, .success: 2, .badge: 5, .selection: 4,
    ])

    /// The names a colour may be given by, as the terminal numbers them.
    public static let names: [String: Colour] = [
        "default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    ]

    /// A colour as a person writes it: a name above, or a number from 0 to 255. Nil when it is neither.
    public static func colour(named text: String) -> Colour? {
        if let named = names[text.lowercased()] { return named }
        guard let number = Int16(text), (0...255).contains(number) else { return nil }
        return number
    }

    public subscript(role: Style.Role) -> Colour {
        get { colours[role] ?? Self.standard.colours[role] ?? -1 }
        set { colours[role] = newValue }
    }

    /// The name of a role as config.toml writes it.
    public static func name(of role: Style.Role) -> String {
        switch role {
        case .accent: "accent"
        case .muted: "muted"
        case .warning: "warning"
        case .danger: "danger"
        case .success: "success"
        case .badge: "badge"
        case .selection: "selection"
        }
    }
}
