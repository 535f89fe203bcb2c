/// The product's key tables. Each screen's table is built from the live one, so the keys every
/// screen shares (help, quit, the four moves) and the keys that open an overlay (which close it
/// again) follow a remapping everywhere.
extension KeyMap {
    static let standardLive: [KeyBinding<LiveAction>] = [
        // Help and quit come first so the hint line never loses them on a narrow terminal.
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
        KeyBinding(keys: [.character("R")], action: .correctRatings, help: "every rating of the selected context, to correct or take out", hint: nil),
        KeyBinding(keys: [.character("A")], action: .attendees, help: "attendees and apologies", hint: "people"),
        KeyBinding(keys: [.character("V")], action: .vote, help: "a dot vote: open one (the facilitator), place your dots, see the totals", hint: nil),
        KeyBinding(keys: [.character("m")], action: .proposals, help: "participants' proposals: accept into the record, edit first, or dismiss", hint: nil),
        KeyBinding(keys: [.character("s")], action: .details, help: "session details: title, purpose, hosts, where the rule applies", hint: nil),
        KeyBinding(keys: [.character("o")], action: .agenda, help: "the agenda: jump, skip, extend, add, move, end time", hint: "agenda"),
        KeyBinding(keys: [.character("S")], action: .speaker, help: "who presents this item; its points are attributed (not under the rule)", hint: nil),
        KeyBinding(keys: [.character("T")], action: .theme, help: "theme of the selected point, and of points added after it", hint: "theme"),
        KeyBinding(keys: [.character("x")], action: .closeItem, help: "selected action done, question answered; again reopens", hint: "done"),
        KeyBinding(keys: [.character("b")], action: .layout, help: "the selected point: a bullet or a paragraph in the notes", hint: nil),
        KeyBinding(keys: [.character("X")], action: .dropItem, help: "drop the selected action or question; again reopens", hint: nil),
        KeyBinding(keys: [.character("K")], action: .moveUp, help: "move the selected point up", hint: nil),
        KeyBinding(keys: [.character("J")], action: .moveDown, help: "move the selected point down", hint: nil),
        KeyBinding(keys: [.character("u")], action: .undo, help: "undo the last change", hint: "undo"),
        KeyBinding(keys: [.character("w")], action: .writeNotes, help: "write notes.md (under the rule, after reviewing names found)", hint: "write"),
    ]

    /// Every table, from the live one (as shipped or remapped).
    init(live: [KeyBinding<LiveAction>]) {
        func keys(_ action: LiveAction) -> [Key] { live.first { $0.action == action }?.keys ?? [] }
        let help = keys(.help), quit = keys(.quit)
        let previous = keys(.selectPrevious), next = keys(.selectNext), first = keys(.selectFirst), last = keys(.selectLast)
        /// What closes an overlay: Esc, the quit key (which never quits from inside one), and the
        /// key that opened it.
        func closing(_ opener: LiveAction?) -> [Key] { [.escape] + quit + (opener.map(keys) ?? []) }
        let pageDown: [Key] = [.pageDown, .character(" ")]

        self.live = live
        compose = [
            KeyBinding(keys: [.enter], action: .commit, help: "save the point", hint: "save"),
            KeyBinding(keys: [.tab], action: .cycleKind, help: "next kind: note, agreement, divergence, question, action", hint: "kind"),
            KeyBinding(keys: [.backTab], action: .cycleKindBack, help: "previous kind", hint: nil),
            KeyBinding(keys: [.control("j")], action: .newline, help: "new line within the point", hint: "new line"),
            KeyBinding(keys: [.control("x")], action: .editor, help: "edit the text in $VISUAL or $EDITOR, then back here", hint: "editor"),
            KeyBinding(keys: [.escape], action: .cancel, help: "put the point aside; \(Self.label(of: .add, in: live)) brings it back", hint: "cancel"),
            KeyBinding(keys: [.alt("1")], action: .setKind(.note), help: "kind: note", hint: nil),
            KeyBinding(keys: [.alt("2")], action: .setKind(.agreement), help: "kind: agreement", hint: nil),
            KeyBinding(keys: [.alt("3")], action: .setKind(.divergence), help: "kind: divergence", hint: nil),
            KeyBinding(keys: [.alt("4")], action: .setKind(.question), help: "kind: question", hint: nil),
            KeyBinding(keys: [.alt("5")], action: .setKind(.action), help: "kind: action", hint: nil),
        ]
        prompt = [
            KeyBinding(keys: [.enter], action: .commit, help: "set it (empty clears it)", hint: "set"),
            KeyBinding(keys: [.control("j")], action: .newline, help: "new line (caveats, dilemmas, cells, responses)", hint: "new line"),
            KeyBinding(keys: [.control("x")], action: .editor, help: "edit a text of several lines in $VISUAL or $EDITOR, then back here",
                       hint: nil),
            KeyBinding(keys: [.escape], action: .cancel, help: "leave it as it was", hint: "cancel"),
        ]
        editing = [
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
        self.help = [
            KeyBinding(keys: previous, action: .lineUp, help: "up a line", hint: nil),
            KeyBinding(keys: next, action: .lineDown, help: "down a line", hint: nil),
            KeyBinding(keys: [.pageUp], action: .pageUp, help: "up a page", hint: nil),
            KeyBinding(keys: pageDown, action: .pageDown, help: "down a page", hint: nil),
            KeyBinding(keys: first, action: .top, help: "the top", hint: nil),
            KeyBinding(keys: last, action: .bottom, help: "the end", hint: nil),
            KeyBinding(keys: [.escape] + quit + help, action: .close, help: "close the help, back to the screen", hint: "close"),
        ]
        attendees = [
            KeyBinding(keys: [.character("a")], action: .add, help: "add an attendee: name, then organisation", hint: "add"),
            KeyBinding(keys: [.character("e")], action: .edit, help: "edit the selected person's name, then organisation", hint: "edit"),
            KeyBinding(keys: [.character("R")], action: .cycleRole, help: "next role: participant, chair, speaker, note-taker", hint: "role"),
            KeyBinding(keys: [.character("x")], action: .toggleApologies, help: "attending or sent apologies", hint: "apologies"),
            KeyBinding(keys: [.character("d")], action: .delete, help: "remove the selected person", hint: "del"),
            KeyBinding(keys: [.character("I")], action: .importList, help: "import a registration list (a CSV file)", hint: "import"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "select the person above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "select the person below", hint: nil),
            KeyBinding(keys: closing(.attendees), action: .close, help: "back to the session", hint: "back"),
        ]
        details = [
            KeyBinding(keys: [.enter, .character("e")], action: .edit, help: "edit the title, purpose or hosts; on a rule, change it", hint: "edit"),
            KeyBinding(keys: [.character("r"), .character(" ")], action: .toggleRule,
                       help: "the session's or an item's Chatham House Rule: on or off", hint: "rule"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "row above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "row below", hint: nil),
            KeyBinding(keys: first, action: .selectFirst, help: "first row", hint: nil),
            KeyBinding(keys: last, action: .selectLast, help: "last row", hint: nil),
            KeyBinding(keys: closing(.details), action: .close, help: "back to the session", hint: "back"),
        ]
        agenda = [
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
            KeyBinding(keys: keys(.undo), action: .undo, help: "undo the last change to the agenda", hint: nil),
            KeyBinding(keys: previous, action: .selectPrevious, help: "item above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "item below", hint: nil),
            KeyBinding(keys: first, action: .selectFirst, help: "first item", hint: nil),
            KeyBinding(keys: last, action: .selectLast, help: "last item", hint: nil),
            KeyBinding(keys: closing(.agenda), action: .close, help: "back to the session", hint: "back"),
        ]
        divergence = [
            KeyBinding(keys: [.character("P")], action: .addPerspective, help: "add a perspective (a column)", hint: "perspective"),
            KeyBinding(keys: [.character("D")], action: .addDimension, help: "add a dimension (a row)", hint: "dimension"),
            KeyBinding(keys: [.left, .character("h")], action: .left, help: "cell to the left", hint: nil),
            KeyBinding(keys: [.right, .character("l")], action: .right, help: "cell to the right", hint: nil),
            KeyBinding(keys: [.character("c")], action: .addCaveat, help: "add a caveat to the topic", hint: "caveat"),
            KeyBinding(keys: [.character("i")], action: .addDilemma, help: "add a dilemma: title, then text", hint: "dilemma"),
            KeyBinding(keys: [.character("I")], action: .dilemmasLeadIn, help: "the paragraph after the caveats, leading into the dilemmas",
                       hint: nil),
            KeyBinding(keys: [.tab], action: .nextTopic, help: "next divergence topic", hint: nil),
        ]
        proposals = [
            KeyBinding(keys: [.enter], action: .accept, help: "accept the selected proposal into the record as it is", hint: "accept"),
            KeyBinding(keys: [.character("e")], action: .edit, help: "edit the selected proposal, then accept it", hint: "edit"),
            KeyBinding(keys: [.character("d")], action: .dismiss, help: "dismiss the selected proposal", hint: "dismiss"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "proposal above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "proposal below", hint: nil),
            KeyBinding(keys: closing(.proposals), action: .close, help: "back to the session", hint: "back"),
        ]
        vote = [
            KeyBinding(keys: [.character("+"), .character(" "), .right, .character("l")], action: .more, help: "one more dot on the selected option",
                       hint: "dot", hintKeys: "+"),
            KeyBinding(keys: [.character("-"), .left, .character("h")], action: .fewer, help: "one dot less on the selected option", hint: "take back",
                       hintKeys: "-"),
            KeyBinding(keys: [.enter], action: .cast, help: "cast your dots (again: they replace the ones you cast)", hint: "cast"),
            KeyBinding(keys: [.character("c")], action: .closeVote, help: "close the vote: the totals stand (the facilitator)", hint: "close vote"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "option above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "option below", hint: nil),
            KeyBinding(keys: closing(.vote), action: .close, help: "back to the session (dots not cast are not counted)", hint: "back"),
        ]
        disclosure = [
            KeyBinding(keys: [.enter, .character("e")], action: .fix, help: "open the place to fix the text", hint: "fix"),
            KeyBinding(keys: [.character("x")], action: .acknowledge,
                       help: "not an attribution: acknowledge (\(Self.label(of: .undo, in: live)) undoes)", hint: "acknowledge"),
            KeyBinding(keys: [.character("w")], action: .writeAnyway, help: "write the notes anyway", hint: "write anyway"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "finding above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "finding below", hint: nil),
            KeyBinding(keys: closing(nil), action: .close, help: "back to the session", hint: "back"),
        ]
        home = [
            KeyBinding(keys: help, action: .help, help: "show these keys", hint: "help"),
            KeyBinding(keys: quit, action: .quit, help: "quit", hint: "quit"),
            KeyBinding(keys: [.enter], action: .open, help: "open the selected session: live while it runs, to read once it has ended",
                       hint: "open"),
            KeyBinding(keys: [.character("r")], action: .read, help: "read its notes (nothing can change)", hint: "read"),
            KeyBinding(keys: [.character("e")], action: .amend, help: "amend an ended session live: its times stay as they were", hint: nil),
            KeyBinding(keys: [.character("f")], action: .follow, help: "follow it as it runs, read-only (a second screen)", hint: nil),
            KeyBinding(keys: [.character("F")], action: .followUp, help: "start its follow-up: the next session of its series", hint: nil),
            KeyBinding(keys: [.character("/")], action: .search, help: "search every session", hint: "search"),
            KeyBinding(keys: [.character("N"), .character("a")], action: .new, help: "new session from a template", hint: "new session"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "select the session above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "select the session below", hint: "select", hintKeys: Self.pair(next, previous)),
            KeyBinding(keys: first, action: .selectFirst, help: "the first session", hint: nil),
            KeyBinding(keys: last, action: .selectLast, help: "the last session", hint: nil),
        ]
        templateChoice = [
            KeyBinding(keys: [.enter], action: .choose, help: "start a session from the selected template", hint: "choose"),
            KeyBinding(keys: previous, action: .selectPrevious, help: "template above", hint: nil),
            KeyBinding(keys: next, action: .selectNext, help: "template below", hint: "select", hintKeys: Self.pair(next, previous)),
            KeyBinding(keys: closing(nil), action: .back, help: "back to the sessions", hint: "back"),
        ]
        sessionForm = [
            KeyBinding(keys: [.enter], action: .choose, help: "on to the date; on the date, create the session and open it", hint: "next"),
            KeyBinding(keys: [.escape], action: .back, help: "back a step", hint: "back"),
        ]
        reader = [
            KeyBinding(keys: help, action: .help, help: "show these keys", hint: "help"),
            KeyBinding(keys: quit + [.escape], action: .quit, help: "close", hint: "quit"),
            KeyBinding(keys: [.character("/")], action: .search, help: "search (ignores case)", hint: "search"),
            KeyBinding(keys: [.character("n")], action: .nextHit, help: "next hit", hint: "next"),
            KeyBinding(keys: [.character("N")], action: .previousHit, help: "previous hit", hint: "prev"),
            KeyBinding(keys: [.character("t")], action: .contents, help: "table of contents; Enter jumps", hint: "contents"),
            KeyBinding(keys: [.character("]")], action: .nextSection, help: "next section", hint: "section"),
            KeyBinding(keys: [.character("[")], action: .previousSection, help: "previous section", hint: nil),
            KeyBinding(keys: [.character("{")], action: .previousSession, help: "the series' previous session", hint: nil),
            KeyBinding(keys: [.character("}")], action: .nextSession, help: "the series' next session", hint: nil),
            KeyBinding(keys: next, action: .lineDown, help: "down a line", hint: nil),
            KeyBinding(keys: previous, action: .lineUp, help: "up a line", hint: nil),
            KeyBinding(keys: pageDown, action: .pageDown, help: "down a page", hint: nil),
            KeyBinding(keys: [.pageUp, .character("b")], action: .pageUp, help: "up a page", hint: nil),
            KeyBinding(keys: first, action: .top, help: "the top", hint: nil),
            KeyBinding(keys: last, action: .bottom, help: "the end", hint: nil),
        ]
        review = [
            KeyBinding(keys: [.character("/")], action: .search, help: "search what every session says", hint: "search"),
            KeyBinding(keys: quit, action: .close, help: "close", hint: "quit"),
            KeyBinding(keys: [.enter], action: .read, help: "read the selected session", hint: "read"),
            KeyBinding(keys: previous + [.control("p")], action: .selectPrevious, help: "select the one above", hint: nil),
            KeyBinding(keys: next + [.control("n")], action: .selectNext, help: "select the one below", hint: "select",
                       hintKeys: Self.pair(next, previous)),
            KeyBinding(keys: [.pageUp], action: .pageUp, help: "up a page", hint: nil),
            KeyBinding(keys: [.pageDown], action: .pageDown, help: "down a page", hint: nil),
            KeyBinding(keys: [.control("o")], action: .openQuestions, help: "the actions and questions of its series: open, then closed", hint: "actions"),
            KeyBinding(keys: [.escape], action: .clearOrClose, help: "clear the search; with none, close", hint: "clear/close"),
        ]
        reviewSearching = [
            KeyBinding(keys: [.enter], action: .read, help: "read the selected session, at the first place found", hint: "read"),
            KeyBinding(keys: [.up, .control("p")], action: .selectPrevious, help: "select the one above", hint: nil),
            KeyBinding(keys: [.down, .control("n")], action: .selectNext, help: "select the one below", hint: "select", hintKeys: "↑/↓"),
            KeyBinding(keys: [.pageUp], action: .pageUp, help: "up a page", hint: nil),
            KeyBinding(keys: [.pageDown], action: .pageDown, help: "down a page", hint: nil),
            KeyBinding(keys: [.escape], action: .doneSearching, help: "leave the search field; the list keeps what was found", hint: "done"),
        ]
        follow = [
            KeyBinding(keys: quit + [.escape], action: .close, help: "stop following", hint: "quit"),
        ]
    }

    /// "j/k" for the hint line: the letters of a pair of moves (the arrows go without saying).
    private static func pair(_ one: [Key], _ other: [Key]) -> String {
        func letter(_ keys: [Key]) -> String { (keys.last { if case .character = $0 { true } else { false } } ?? keys[0]).label }
        return "\(letter(one))/\(letter(other))"
    }
}
