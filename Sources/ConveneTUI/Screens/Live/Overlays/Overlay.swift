import ConveneCore

/// What lies over the phase's panel, on a stack: the top one takes the keys, and closing it goes
/// back to what was under it (a prompt opened from the attendees returns to them; a fix opened
/// from the disclosure review returns to the review).
public enum Overlay: Equatable, Sendable {
    /// The keys, scrolled to `offset`.
    case help(offset: Int)
    /// The attendees and apologies.
    case attendees(AttendeesOverlay)
    /// The session's title, purpose, hosts and rule.
    case details(DetailsOverlay)
    /// The agenda, for replanning.
    case agenda(AgendaOverlay)
    /// The disclosure review before the notes are written.
    case disclosure(DisclosureOverlay)
    /// A question in the field at the bottom: a theme, a caveat, a rating.
    case prompt(Prompt)
    /// A point being typed in the field at the bottom.
    case composer(Composer)

    /// Whether the overlay is typed into at the bottom of the screen (the rest stays in view).
    var isField: Bool {
        switch self {
        case .prompt, .composer: true
        default: false
        }
    }
}
