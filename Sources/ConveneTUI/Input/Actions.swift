import ConveneCore

/// What a key does on the live screen. These are the actions a user's `[keys]` table may give
/// other keys; help, quit and the four moves are shared with every other screen.
public enum LiveAction: Hashable, Sendable, CaseIterable {
    case help, quit, nextItem, previousItem, add, edit, delete, undo, toggleClock
    case selectPrevious, selectNext, selectFirst, selectLast, moveUp, moveDown, writeNotes, theme, rate, attendees, speaker
    case viewPrevious, viewNext, viewCurrent, details, agenda, closeItem, dropItem, layout, correctRatings, proposals, vote

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
        case .closeItem: "done"
        case .dropItem: "drop"
        case .layout: "paragraph"
        case .correctRatings: "ratings"
        case .proposals: "proposals"
        case .vote: "vote"
        }
    }
}

/// What a key does in the agenda overview.
public enum AgendaAction: Hashable, Sendable {
    case start, look, skip, extend, shorten, addAfter, moveUp, moveDown, hardEnd, respread, undo
    case selectPrevious, selectNext, selectFirst, selectLast, close
}

/// What a key does on a divergence item's table.
public enum DivergenceAction: Hashable, Sendable {
    case addPerspective, addDimension, addCaveat, addDilemma, dilemmasLeadIn, left, right, nextTopic
}

/// What a key does while reviewing disclosure findings.
public enum DisclosureAction: Hashable, Sendable {
    case fix, acknowledge, writeAnyway, selectPrevious, selectNext, close
}

/// What a key does in the session details.
public enum DetailsAction: Hashable, Sendable {
    case edit, toggleRule, selectPrevious, selectNext, selectFirst, selectLast, close
}

/// What a key does in the queue of participants' proposals.
public enum ProposalAction: Hashable, Sendable {
    case accept, edit, dismiss, selectPrevious, selectNext, close
}

/// What a key does on a ballot of a dot vote.
public enum VoteAction: Hashable, Sendable {
    case more, fewer, cast, closeVote, selectPrevious, selectNext, close
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

/// What a key does in the keys' help, on any screen.
public enum HelpAction: Hashable, Sendable {
    case lineUp, lineDown, pageUp, pageDown, top, bottom, close
}

/// What a key does on the home screen.
public enum HomeAction: Hashable, Sendable {
    case open, read, amend, follow, followUp, search, new, selectPrevious, selectNext, selectFirst, selectLast, choose, back, help, quit
}

/// What a key does while reading.
public enum ReaderAction: Hashable, Sendable {
    case lineDown, lineUp, pageDown, pageUp, top, bottom, search, nextHit, previousHit
    case nextSection, previousSection, contents, help, quit
    /// The series' session before or after this one.
    case previousSession, nextSession
}

/// What a key does on the review list. While the search field has the keys, every key that is
/// not one of `KeyMap.reviewSearching` types into it; otherwise the list's own keys apply.
public enum ReviewAction: Hashable, Sendable {
    case read, openQuestions, selectPrevious, selectNext, pageUp, pageDown, search, close, clearOrClose, doneSearching
}

/// What a key does while following a session: it is read-only, so only closing.
public enum FollowAction: Hashable, Sendable {
    case close
}
