extension LiveScreen {
    /// The live screen's help: every table it and its overlays use.
    public var helpLines: [(String, String)] { Self.helpLines(keys) }

    static func helpLines(_ keys: KeyMap) -> [(String, String)] {
        HelpOverlay.section("Live session", keys.live)
            + HelpOverlay.section("While typing a point", keys.compose)
            + HelpOverlay.section("On a divergence table", keys.divergence)
            + HelpOverlay.section("Reviewing names before the notes are written (\(keys[.writeNotes]))", keys.disclosure)
            + HelpOverlay.section("Attendees (\(keys[.attendees]))", keys.attendees)
            + HelpOverlay.section("Participants' proposals (\(keys[.proposals]))", keys.proposals)
            + HelpOverlay.section("A dot vote (\(keys[.vote]))", keys.vote)
            + HelpOverlay.section("Session details (\(keys[.details]))", keys.details)
            + HelpOverlay.section("The agenda (\(keys[.agenda]))", keys.agenda)
            + HelpOverlay.section("Answering a prompt", keys.prompt)
            + HelpOverlay.section("Editing any text", keys.editing)
            + HelpOverlay.mouse(click: "selects a point, a context, a cell, an item, a person; an item beside the points is looked at")
            + HelpOverlay.footer(keys)
    }
}
