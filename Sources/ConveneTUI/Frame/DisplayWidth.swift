import CNCursesW

/// How many terminal columns text takes, measured as ncurses measures it (the C library's `wcwidth`
/// in a UTF-8 locale), so that what a frame lays out is where ncurses draws it.
public enum DisplayWidth {
    /// Set once: measuring needs a UTF-8 locale, whatever the environment's.
    private static let localeReady: Bool = convene_use_utf8_locale() == 1

    /// 0 for marks and controls, 2 for wide (CJK) and emoji, else 1.
    public static func of(_ character: Character) -> Int {
        _ = localeReady
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // An emoji presentation selector, or a sequence built on an emoji, draws two columns wide.
        if scalars.count > 1 && (scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation) { return 2 }
        let width = Int(convene_wcwidth(first.value))
        return width < 0 ? 1 : width
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Printable ASCII, most of most texts, is one column a byte: no character-by-character walk.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }
}
