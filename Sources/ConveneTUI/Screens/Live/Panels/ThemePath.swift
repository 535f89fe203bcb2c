import Foundation

/// A theme and, within it, a sub-theme, as one prompt takes them: "Accountability > Who answers to
/// whom?". The spaced ">" is the separator, so a theme may still hold a ">" of its own.
struct ThemePath: Equatable {
    static let separator = " > "

    var theme: String?
    var subtheme: String?

    init(theme: String?, subtheme: String?) {
        self.theme = theme
        self.subtheme = theme == nil ? nil : subtheme
    }

    /// What was typed into the theme prompt. A text starting with ">" names a sub-theme of
    /// `current`'s theme ("> Who answers to whom?"), so moving to the next sub-theme does not mean
    /// clearing the whole path first; without a current theme the ">" is kept as typed.
    init(typed: String, under current: ThemePath) {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(">"), let theme = current.theme {
            let sub = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            self.init(theme: theme, subtheme: sub.isEmpty ? nil : sub)
            return
        }
        self.init(typed: typed)
    }

    init(typed: String) {
        let parts = typed.components(separatedBy: Self.separator).map { $0.trimmingCharacters(in: .whitespaces) }
        let theme = parts[0].isEmpty ? nil : parts[0]
        let rest = parts.dropFirst().joined(separator: Self.separator)
        self.init(theme: theme, subtheme: rest.isEmpty ? nil : rest)
    }

    /// As typed back into the prompt.
    var typed: String {
        [theme, subtheme].compactMap { $0 }.joined(separator: Self.separator)
    }

    /// As the screen shows it: "◆ Accountability › Who answers to whom?".
    var shown: String {
        "◆ " + [theme, subtheme].compactMap { $0 }.joined(separator: " › ")
    }
}
