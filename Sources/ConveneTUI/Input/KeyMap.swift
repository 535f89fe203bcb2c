import ConveneCore

/// Every key of every screen, as a value: each screen is handed one and reads its keys, its help,
/// its hint line and every message that names a key from it, so they cannot drift apart and a
/// remapped key is the one named everywhere.
///
/// The live screen's actions can be given other keys (`[keys]` in config.toml). Help, quit and the
/// four moves are shared: remapped, they change on every screen and overlay at once. What closes
/// an overlay is read from the same table: Esc, the quit key, and the key that opened it.
public struct KeyMap: Sendable {
    public let live: [KeyBinding<LiveAction>]
    public let compose: [KeyBinding<ComposeAction>]
    /// A prompt, such as a theme's name or a caveat.
    public let prompt: [KeyBinding<ComposeAction>]
    /// Editing text in any field, as in a shell (readline's keys).
    public let editing: [KeyBinding<EditAction>]
    public let help: [KeyBinding<HelpAction>]
    public let attendees: [KeyBinding<AttendeeAction>]
    public let details: [KeyBinding<DetailsAction>]
    public let agenda: [KeyBinding<AgendaAction>]
    /// On a divergence item, besides the live keys (a new topic, e edit, d clear, ↑/↓ rows).
    public let divergence: [KeyBinding<DivergenceAction>]
    /// Reviewing, before the notes are written, where captured text may identify someone.
    public let disclosure: [KeyBinding<DisclosureAction>]
    /// The queue of participants' proposals, for a note-taker.
    public let proposals: [KeyBinding<ProposalAction>]
    /// A ballot of a dot vote.
    public let vote: [KeyBinding<VoteAction>]
    public let home: [KeyBinding<HomeAction>]
    /// Choosing a template for a new session.
    public let templateChoice: [KeyBinding<HomeAction>]
    /// The new session's title and date.
    public let sessionForm: [KeyBinding<HomeAction>]
    public let reader: [KeyBinding<ReaderAction>]
    /// The review list's keys while the list has them.
    public let review: [KeyBinding<ReviewAction>]
    /// The review list's keys while the search field has them: the rest type into it.
    public let reviewSearching: [KeyBinding<ReviewAction>]
    public let follow: [KeyBinding<FollowAction>]

    /// The product's keys, as shipped.
    public static let standard = KeyMap(live: KeyMap.standardLive)

    /// Why a remapping cannot be used.
    public struct RemapError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The product's keys with the live actions in `overrides` given other keys (from the user's
    /// config file). A remapped action keeps its arrow or Home/End key and loses its letter.
    /// Refused when a key would do two things on one screen or overlay, or cannot be pressed for
    /// the action (see `checkPrintable`).
    public init(remapping overrides: [LiveAction: Key]) throws(RemapError) {
        try Self.checkPrintable(overrides)
        let live = Self.standardLive.map { binding in
            guard let key = overrides[binding.action] else { return binding }
            var remapped = binding
            remapped.keys = binding.keys.filter { if case .character = $0 { false } else { true } } + [key]
            return remapped
        }
        self.init(live: live)
        try checkEachKeyDoesOneThing()
    }

    // MARK: Reading the tables

    /// The key of a live action as a message names it ("a adds a point"): read from the table, so
    /// a remapped key is the one named.
    public subscript(action: LiveAction) -> String {
        Self.label(of: action, in: live)
    }

    /// The key that does `action` in one of the map's tables, as a message names it.
    public func label<Action>(_ action: Action, in table: KeyPath<KeyMap, [KeyBinding<Action>]>) -> String {
        Self.label(of: action, in: self[keyPath: table])
    }

    /// The keys that move through a list, as its "↑ 3 more · k" markers name them: the letters,
    /// which a hand on the keyboard reaches without looking.
    public var listMarks: (up: String, down: String) {
        func letter(_ action: LiveAction) -> String { Self.letter(of: live.first { $0.action == action }?.keys ?? []) }
        return (letter(.selectPrevious), letter(.selectNext))
    }

    /// The character among `keys`, else the first: how a message names a binding of an arrow and a letter.
    static func letter(of keys: [Key]) -> String {
        (keys.first { if case .character = $0 { true } else { false } } ?? keys.first)?.label ?? ""
    }

    /// "(u to undo)", after a change that is easy to regret.
    public var undoNote: String { "(\(self[.undo]) to undo)" }

    public static func action<Action>(for key: Key, in table: [KeyBinding<Action>]) -> Action? {
        table.first { $0.keys.contains(key) }?.action
    }

    /// The key that does `action` in `table`, as a message names it ("? shows the keys").
    public static func label<Action>(of action: Action, in table: [KeyBinding<Action>]) -> String {
        table.first { $0.action == action }?.keys.first?.label ?? "?"
    }

    /// "a add · n next · …" for the bottom line.
    public static func hints<Action>(_ table: [KeyBinding<Action>]) -> [(key: String, text: String)] {
        table.compactMap { binding in binding.hint.map { (binding.hintKeys ?? binding.keys[0].label, $0) } }
    }

    /// Whether some table binds Alt with `character`: only those ESC-and-key pairs are read as Alt
    /// (Alt keys are the editing and typing keys', which cannot be remapped).
    public static func bindsAlt(_ character: Character) -> Bool {
        action(for: .alt(character), in: standard.editing) != nil || action(for: .alt(character), in: standard.compose) != nil
    }

    // MARK: Checks

    /// Refuses a key no one can press for an action: a control character, such as Esc, which every
    /// screen reads as getting out of what is open (a key map must never leave a screen without a
    /// way out), or a blank.
    private static func checkPrintable(_ overrides: [LiveAction: Key]) throws(RemapError) {
        for (action, key) in overrides.sorted(by: { $0.key.configName < $1.key.configName }) {
            guard case .character(let character) = key, !character.isWhitespace,
                  !character.unicodeScalars.contains(where: { TextRules.isControl($0) }) else {
                throw RemapError(description: "‘\(action.configName)’ cannot be \(VisibleText.of(key.label)): give a printable "
                    + "character (Esc, Enter, Tab and other control keys keep their own meanings on every screen)")
            }
        }
    }

    /// Refuses a map in which one key would do two things on one screen or overlay. A divergence
    /// item takes its table's keys before the live ones, so the two are checked as one.
    func checkEachKeyDoesOneThing() throws(RemapError) {
        let live = Self.named(live) { $0.action.configName }
        try Self.check(live + Self.named(divergence), on: "a divergence item")
        try Self.check(live, on: "the live screen")
        try Self.check(Self.named(help), on: "the keys' help")
        try Self.check(Self.named(attendees), on: "the attendees")
        try Self.check(Self.named(details), on: "the session details")
        try Self.check(Self.named(agenda), on: "the agenda")
        try Self.check(Self.named(disclosure), on: "the review of names")
        try Self.check(Self.named(proposals), on: "the participants' proposals")
        try Self.check(Self.named(vote), on: "a vote")
        try Self.check(Self.named(home), on: "the home screen")
        try Self.check(Self.named(templateChoice), on: "the choice of template")
        try Self.check(Self.named(reader), on: "the reader")
        try Self.check(Self.named(review), on: "the review list")
        try Self.check(Self.named(follow), on: "the follow screen")
    }

    /// A table's rows as keys and what they do, in words (its help, unless `name` says otherwise).
    private static func named<Action>(_ table: [KeyBinding<Action>],
                                      _ name: (KeyBinding<Action>) -> String = \.help) -> [(keys: [Key], does: String)] {
        table.map { ($0.keys, name($0)) }
    }

    private static func check(_ rows: [(keys: [Key], does: String)], on screen: String) throws(RemapError) {
        var taken: [Key: String] = [:]
        for row in rows {
            for key in row.keys {
                if let other = taken[key], other != row.does {
                    throw RemapError(description: "\(key.label) would do both ‘\(other)’ and ‘\(row.does)’ on \(screen)")
                }
                taken[key] = row.does
            }
        }
    }
}
