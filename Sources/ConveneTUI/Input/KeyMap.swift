import ConveneCore
import Synchronization
/// What a key does on the live screen.
public enum LiveAction: Hashable, Sendable, CaseIterable {
    case help, quit, nextItem, previousItem, add, edit, delete, undo, toggleClock
    case selectPrevious, selectNext, selectFirst, selectLast, moveUp, moveDown, writeNotes, theme, rate, attendees, speaker
    case viewPrevious, viewNext, viewCurrent, details, agenda

    /// The action's name in the config file's `[keys]` table.
    public var configName: String {
        switch self {
        case .help: "help"
        case .quit: "quit"
        case .nextItem: "next"
        case .previousItem: "previous"
        case .add: "add"
        case .edit: "edit"
        case .delete: "delete"
        case .undo: "undo"
        case .toggleClock: "clock"
        case .selectPrevious: "up"
        case .selectNext: "down"
        case .selectFirst: "first"
        case .selectLast: "last"
        case .moveUp: "move-up"
        case .moveDown: "move-down"
        case .writeNotes: "write"
        case .theme: "theme"
        case .rate: "rate"
        case .attendees: "attendees"
        case .speaker: "speaker"
        case .viewPrevious: "look-previous"
        case .viewNext: "look-next"
        case .viewCurrent: "look-back"
        case .details: "details"
        case .agenda: "agenda"
        }
    }
}

/// What a key does in the agenda overview.
public enum AgendaAction: Hashable, Sendable {
    case start, look, skip, extend, shorten, addAfter, moveUp, moveDown, hardEnd, respread
    case selectPrevious, selectNext, selectFirst, selectLast, close
}

/// What a key does on a divergence item's table.
public enum DivergenceAction: Hashable, Sendable {
    case addPerspective, addDimension, addCaveat, addDilemma, left, right, nextTopic
}

/// What a key does while reviewing disclosure findings.
public enum DisclosureAction: Hashable, Sendable {
    case fix, acknowledge, writeAnyway, selectPrevious, selectNext, close
}

/// What a key does in the session details.
public enum DetailsAction: Hashable, Sendable {
    case edit, toggleRule, selectPrevious, selectNext, selectFirst, selectLast, close
}

/// What a key does in the attendees view.
public enum AttendeeAction: Hashable, Sendable {
    case add, edit, delete, cycleRole, toggleApologies, importList, selectPrevious, selectNext, close
}

/// What a key does while typing a point.
public enum ComposeAction: Hashable, Sendable {
    case commit, cancel, cycleKind, cycleKindBack, newline, editor
    case setKind(PointKind)
}

/// What a key does to the text being typed, in any field of any screen.
public enum EditAction: Hashable, Sendable {
    case left, right, wordLeft, wordRight, lineStart, lineEnd
    case deleteBackward, deleteForward, killToLineStart, killToLineEnd, killWord, killAlphanumericWord, yank
}

/// One row of a key table: the keys, what they do, and how help describes it.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Shown in the one-line hint at the bottom of the screen.
    public var hint: String?
    /// The keys as the hint names them, when not the first key ("j/k" for a pair of bindings).
    public var hintKeys: String?

    public init(keys: [Key], action: Action, help: String, hint: String?, hintKeys: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
    }

    public var label: String { keys.map(\.label).joined(separator: "/") }
}

/// The keys of the product, in one place: behaviour, help and hints are all read from these tables,
/// so they cannot drift apart.
public enum KeyMap {
    /// Help and quit come first so the hint line never loses them on a narrow terminal.
    /// The live screen's keys: the product's, with the user's remappings (`remapLive`).
    public static var live: [KeyBinding<LiveAction>] {
        let overrides = liveOverrides.withLock { $0 }
        guard !overrides.isEmpty else { return standardLive }
        return standardLive.map { binding in
            guard let key = overrides[binding.action] else { return binding }
            var remapped = binding
            remapped.keys = [key]
            return remapped
        }
    }

    private static let liveOverrides = Mutex<[LiveAction: Key]>([:])

    /// Why a remapping cannot be used.
    public struct RemapError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Gives live actions other keys (from the user's config file), once checked (`checkLive`).
    public static func remapLive(_ overrides: [LiveAction: Key]) throws(RemapError) {
        try checkLive(overrides)
        liveOverrides.withLock { $0 = overrides }
    }

    /// Refuses a remapping that gives a key two actions (one it takes and one that keeps it), or
    /// that gives an action a key no one can press for it: a control character, such as Esc, which
    /// the screens read as getting out of what is open (a key map must never leave a screen
    /// without a way out), or a blank.
    public static func checkLive(_ overrides: [LiveAction: Key]) throws(RemapError) {
        for (action, key) in overrides.sorted(by: { $0.key.configName < $1.key.configName }) {
            guard case .character(let character) = key, !character.isWhitespace,
                  !character.unicodeScalars.contains(where: { TextRules.isControl($0) }) else {
                throw RemapError(description: "‘\(action.configName)’ cannot be \(VisibleText.of(key.label)): give a printable "
                    + "character (Esc, Enter, Tab and other control keys keep their own meanings on every screen)")
            }
        }
        var taken: [Key: LiveAction] = [:]
        for binding in standardLive {
            for key in overrides[binding.action].map({ [$0] }) ?? binding.keys {
                if let other = taken[key], other != binding.action {
                    throw RemapError(description: "\(key.label) would do both ‘\(other.configName)’ and ‘\(binding.action.configName)’")
                }
                taken[key] = binding.action
            }
        }
    }

    static let standardLive: [KeyBinding<LiveAction>] = [
        KeyBinding(keys: [.character("?")], action: .help, help: "show or hide this help", hint: "help"),
        KeyBinding(keys: [.character("q")], action: .quit, help: "quit (everything is already saved)", hint: "quit"),
        KeyBinding(keys: [.character("a")], action: .add, help: "add to this phase: a point, a context or a checklist response", hint: "add"),
        KeyBinding(keys: [.character("n")], action: .nextItem, help: "next agenda item (ends this one, starts its clock)", hint: "next"),
        KeyBinding(keys: [.character("p")], action: .previousItem, help: "previous agenda item", hint: "prev"),
        KeyBinding(keys: [.character("t")], action: .toggleClock, help: "start or pause the item clock", hint: "clock"),
        KeyBinding(keys: [.character("[")], action: .viewPrevious, help: "look at the item before (the agenda and its clock stay put)", hint: nil),
        KeyBinding(keys: [.character("]")], action: .viewNext, help: "look at the item after (the agenda and its clock stay put)", hint: nil),
        KeyBinding(keys: [.character(".")], action: .viewCurrent, help: "back to the item under way", hint: nil),
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "select the point above", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the point below", hint: nil),
        KeyBinding(keys: [.home, .character("g")], action: .selectFirst, help: "select the first point", hint: nil),
        KeyBinding(keys: [.end, .character("G")], action: .selectLast, help: "select the last point", hint: nil),
        KeyBinding(keys: [.character("e")], action: .edit, help: "edit what is selected: a point, context, response, cell, caveat…", hint: "edit"),
        KeyBinding(keys: [.character("d")], action: .delete, help: "delete what is selected; on a table, clear the cell", hint: "del"),
        KeyBinding(keys: [.character("r")], action: .rate, help: "rate the selected context (uncertainty, control: 1–5)", hint: nil),
        KeyBinding(keys: [.character("A")], action: .attendees, help: "attendees and apologies", hint: "people"),
        KeyBinding(keys: [.character("s")], action: .details, help: "session details: title, purpose, hosts, where the rule applies", hint: nil),
        KeyBinding(keys: [.character("o")], action: .agenda, help: "the agenda: jump, skip, extend, add, move, end time", hint: "agenda"),
        KeyBinding(keys: [.character("S")], action: .speaker, help: "who presents this item; its points are attributed (not under the rule)", hint: nil),
        KeyBinding(keys: [.character("T")], action: .theme, help: "theme of the selected point, and of points added after it", hint: "theme"),
        KeyBinding(keys: [.character("K")], action: .moveUp, help: "move the selected point up", hint: nil),
        KeyBinding(keys: [.character("J")], action: .moveDown, help: "move the selected point down", hint: nil),
        KeyBinding(keys: [.character("u")], action: .undo, help: "undo the last change", hint: "undo"),
        KeyBinding(keys: [.character("w")], action: .writeNotes, help: "write notes.md (under the rule, after reviewing names found)", hint: "write"),
    ]

    public static let compose: [KeyBinding<ComposeAction>] = [
        KeyBinding(keys: [.enter], action: .commit, help: "save the point", hint: "save"),
        KeyBinding(keys: [.tab], action: .cycleKind, help: "next kind: note, agreement, divergence, question, action", hint: "kind"),
        KeyBinding(keys: [.backTab], action: .cycleKindBack, help: "previous kind", hint: nil),
        KeyBinding(keys: [.control("j")], action: .newline, help: "new line within the point", hint: "new line"),
        KeyBinding(keys: [.control("x")], action: .editor, help: "edit the text in $VISUAL or $EDITOR, then back here", hint: "editor"),
        KeyBinding(keys: [.escape], action: .cancel, help: "put the point aside; a brings it back", hint: "cancel"),
        KeyBinding(keys: [.alt("1")], action: .setKind(.note), help: "kind: note", hint: nil),
        KeyBinding(keys: [.alt("2")], action: .setKind(.agreement), help: "kind: agreement", hint: nil),
        KeyBinding(keys: [.alt("3")], action: .setKind(.divergence), help: "kind: divergence", hint: nil),
        KeyBinding(keys: [.alt("4")], action: .setKind(.question), help: "kind: question", hint: nil),
        KeyBinding(keys: [.alt("5")], action: .setKind(.action), help: "kind: action", hint: nil),
    ]

    public static let attendees: [KeyBinding<AttendeeAction>] = [
        KeyBinding(keys: [.character("a")], action: .add, help: "add an attendee: name, then organisation", hint: "add"),
        KeyBinding(keys: [.character("e")], action: .edit, help: "edit the selected person's name, then organisation", hint: "edit"),
        KeyBinding(keys: [.character("R")], action: .cycleRole, help: "next role: participant, chair, speaker, note-taker", hint: "role"),
        KeyBinding(keys: [.character("x")], action: .toggleApologies, help: "attending or sent apologies", hint: "apologies"),
        KeyBinding(keys: [.character("d")], action: .delete, help: "remove the selected person", hint: "del"),
        KeyBinding(keys: [.character("I")], action: .importList, help: "import a registration list (a CSV file)", hint: "import"),
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "select the person above", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the person below", hint: nil),
        KeyBinding(keys: [.escape, .character("q"), .character("A")], action: .close, help: "back to the session", hint: "back"),
    ]

    public static let details: [KeyBinding<DetailsAction>] = [
        KeyBinding(keys: [.enter, .character("e")], action: .edit, help: "edit the title, purpose or hosts; on a rule, change it", hint: "edit"),
        KeyBinding(keys: [.character("r"), .character(" ")], action: .toggleRule,
                   help: "the session's or an item's Chatham House Rule: on or off", hint: "rule"),
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "row above", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "row below", hint: nil),
        KeyBinding(keys: [.home, .character("g")], action: .selectFirst, help: "first row", hint: nil),
        KeyBinding(keys: [.end, .character("G")], action: .selectLast, help: "last row", hint: nil),
        KeyBinding(keys: [.escape, .character("q"), .character("s")], action: .close, help: "back to the session", hint: "back"),
    ]

    public static let agenda: [KeyBinding<AgendaAction>] = [
        KeyBinding(keys: [.enter], action: .start, help: "start the selected item now; items between get no times", hint: "start"),
        KeyBinding(keys: [.character("v")], action: .look, help: "look at the selected item without starting it", hint: "look"),
        KeyBinding(keys: [.character("x")], action: .skip, help: "skip the selected item, or put it back", hint: "skip"),
        KeyBinding(keys: [.character("+"), .character("=")], action: .extend, help: "five minutes more for the selected item", hint: "+5",
                   hintKeys: "+/-"),
        KeyBinding(keys: [.character("-")], action: .shorten, help: "five minutes less for the selected item", hint: nil),
        KeyBinding(keys: [.character("a")], action: .addAfter, help: "add an item after the one under way", hint: "add"),
        KeyBinding(keys: [.character("K")], action: .moveUp, help: "move the selected item up", hint: nil),
        KeyBinding(keys: [.character("J")], action: .moveDown, help: "move the selected item down", hint: "move", hintKeys: "K/J"),
        KeyBinding(keys: [.character("E")], action: .hardEnd, help: "the time the session must end by (HH:MM)", hint: "end by"),
        KeyBinding(keys: [.character("r")], action: .respread, help: "re-spread the time left over the items to come", hint: "re-spread"),
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "item above", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "item below", hint: nil),
        KeyBinding(keys: [.home, .character("g")], action: .selectFirst, help: "first item", hint: nil),
        KeyBinding(keys: [.end, .character("G")], action: .selectLast, help: "last item", hint: nil),
        KeyBinding(keys: [.escape, .character("q"), .character("o")], action: .close, help: "back to the session", hint: "back"),
    ]

    /// On a divergence item, besides the live keys (a new topic, e edit, d clear, ↑/↓ rows).
    public static let divergence: [KeyBinding<DivergenceAction>] = [
        KeyBinding(keys: [.character("P")], action: .addPerspective, help: "add a perspective (a column)", hint: "perspective"),
        KeyBinding(keys: [.character("D")], action: .addDimension, help: "add a dimension (a row)", hint: "dimension"),
        KeyBinding(keys: [.left, .character("h")], action: .left, help: "cell to the left", hint: nil),
        KeyBinding(keys: [.right, .character("l")], action: .right, help: "cell to the right", hint: nil),
        KeyBinding(keys: [.character("c")], action: .addCaveat, help: "add a caveat to the topic", hint: "caveat"),
        KeyBinding(keys: [.character("i")], action: .addDilemma, help: "add a dilemma: title, then text", hint: "dilemma"),
        KeyBinding(keys: [.tab], action: .nextTopic, help: "next divergence topic", hint: nil),
    ]

    /// Reviewing, before the notes are written, where captured text may identify someone.
    public static let disclosure: [KeyBinding<DisclosureAction>] = [
        KeyBinding(keys: [.enter, .character("e")], action: .fix, help: "open the place to fix the text", hint: "fix"),
        KeyBinding(keys: [.character("x")], action: .acknowledge, help: "not an attribution: acknowledge (u undoes)", hint: "acknowledge"),
        KeyBinding(keys: [.character("w")], action: .writeAnyway, help: "write the notes anyway", hint: "write anyway"),
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "finding above", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "finding below", hint: nil),
        KeyBinding(keys: [.escape, .character("q")], action: .close, help: "back to the session", hint: "back"),
    ]

    /// Editing text in any field, as in a shell (readline's keys).
    public static let editing: [KeyBinding<EditAction>] = [
        KeyBinding(keys: [.left, .control("b")], action: .left, help: "back a character", hint: nil),
        KeyBinding(keys: [.right, .control("f")], action: .right, help: "forward a character", hint: nil),
        KeyBinding(keys: [.alt("b")], action: .wordLeft, help: "back a word", hint: nil),
        KeyBinding(keys: [.alt("f")], action: .wordRight, help: "forward a word", hint: nil),
        KeyBinding(keys: [.home, .control("a")], action: .lineStart, help: "start of the line", hint: nil),
        KeyBinding(keys: [.end, .control("e")], action: .lineEnd, help: "end of the line", hint: nil),
        KeyBinding(keys: [.backspace, .control("h")], action: .deleteBackward, help: "delete the character before", hint: nil),
        KeyBinding(keys: [.delete, .control("d")], action: .deleteForward, help: "delete the character under the cursor", hint: nil),
        KeyBinding(keys: [.control("u")], action: .killToLineStart, help: "cut to the start of the line", hint: nil),
        KeyBinding(keys: [.control("k")], action: .killToLineEnd, help: "cut to the end of the line", hint: nil),
        KeyBinding(keys: [.control("w")], action: .killWord, help: "cut the word before (up to a space)", hint: nil),
        KeyBinding(keys: [.alt("\u{7F}")], action: .killAlphanumericWord, help: "cut the word before (letters and digits)", hint: nil),
        KeyBinding(keys: [.control("y")], action: .yank, help: "paste what was cut last", hint: nil),
    ]

    /// A prompt, such as a theme's name or a caveat.
    public static let prompt: [KeyBinding<ComposeAction>] = [
        KeyBinding(keys: [.enter], action: .commit, help: "set it (empty clears it)", hint: "set"),
        KeyBinding(keys: [.control("j")], action: .newline, help: "new line (caveats, dilemmas, cells, responses)", hint: "new line"),
        KeyBinding(keys: [.control("x")], action: .editor, help: "edit a text of several lines in $VISUAL or $EDITOR, then back here",
                   hint: nil),
        KeyBinding(keys: [.escape], action: .cancel, help: "leave it as it was", hint: "cancel"),
    ]

    /// Whether some table binds Alt with `character`: only those ESC-and-key pairs are read as Alt.
    public static func bindsAlt(_ character: Character) -> Bool {
        action(for: .alt(character), in: editing) != nil || action(for: .alt(character), in: compose) != nil
    }

    public static func action<Action>(for key: Key, in table: [KeyBinding<Action>]) -> Action? {
        table.first { $0.keys.contains(key) }?.action
    }

    /// The key that does `action` in `table`, as a message names it ("? shows the keys"): read
    /// from the table, so a remapped key is the one named.
    public static func label<Action>(of action: Action, in table: [KeyBinding<Action>]) -> String {
        table.first { $0.action == action }?.keys.first?.label ?? "?"
    }

    /// "a add · n next · …" for the bottom line.
    public static func hints<Action>(_ table: [KeyBinding<Action>]) -> [(key: String, text: String)] {
        table.compactMap { binding in binding.hint.map { (binding.hintKeys ?? binding.keys[0].label, $0) } }
    }
}
