/// A key press, as the screens understand it (the adapter translates the terminal's codes).
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("j")`.
    case control(Character)
    /// Alt (Meta) plus a key, as terminals send it: ESC then the key. Alt-Backspace is `.alt("\u{7F}")`.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// The terminal changed size.
    case resize
    /// Pasted text begins and ends (bracketed paste): what comes between is text, not commands.
    case pasteStart, pasteEnd
    /// Text that arrived inside a bracketed paste, taken in as one key however long it is (line
    /// breaks as `\n`): a paste is one change to a field, not thousands of keys each redrawn.
    case text(String)
    /// The left mouse button pressed at this cell of the terminal, as the terminal reports it; the
    /// program turns it into `click` on whatever the frame on screen has there.
    case mouse(row: Int, column: Int)
    /// The left mouse button pressed on something a screen marked as clickable.
    case click(ClickTarget)

    /// How the key is written in help and hints.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .alt("\u{7F}"): "Alt-Backspace"
        case .alt(let character): "Alt-\(character)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .resize: "resize"
        case .pasteStart, .pasteEnd, .text: "paste"
        case .mouse, .click: "A click"
        }
    }
}
