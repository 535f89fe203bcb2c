import ConveneCore

/// A question on the live screen, such as a theme's name, a caveat or a context's ratings.
public struct Prompt: Equatable, Sendable {
    /// What the answer is for.
    public enum Purpose: Equatable, Sendable {
        /// The theme of a point, or (nil) of the points added next.
        case theme(point: EntityID?)
        /// A new context's name, or a new name for an existing one.
        case contextName(context: EntityID?)
        /// What a context is, after its (new) name: the notes' description column.
        case contextDescription(context: EntityID, name: String)
        /// One person's ratings of a context: uncertainty, then control.
        case rating(context: EntityID)
        /// The response to checklist prompt `index` of an agenda item.
        case checklistResponse(item: EntityID, index: Int)
        /// A divergence topic's title (nil: a new topic).
        case topicTitle(topic: EntityID?)
        /// A cell, perspective (row -1) or dimension (column -1) of a topic's table.
        case tableText(topic: EntityID, row: Int, column: Int)
        case newPerspective(topic: EntityID)
        /// The lead-in paragraph(s) before a topic's table.
        case topicDescription(topic: EntityID)
        case newDimension(topic: EntityID)
        case caveat(topic: EntityID)
        /// An existing caveat, and an existing dilemma's text.
        case editCaveat(topic: EntityID, index: Int)
        case editDilemma(topic: EntityID, index: Int)
        case dilemmaTitle(topic: EntityID)
        case dilemmaText(topic: EntityID, title: String)
        /// The session's title, purpose (paragraphs and lists) and hosts (comma-separated).
        case sessionTitle, sessionPurpose, sessionHosts
        /// Who presents an agenda item, in a session without the rule.
        case speaker(item: EntityID)
        /// A new attendee's name, then their organisation.
        /// A new attendee's (nil) or an existing one's name, then their organisation.
        case attendeeName(attendee: EntityID?)
        case attendeeOrganisation(attendee: EntityID?, name: String)
        /// A new agenda item's title, to go at `position`.
        case newItemTitle(position: Int)
        /// The time the session must end by, HH:MM.
        case hardEnd
        /// A registration list to import: its path; then, when its headers say nothing of names,
        /// the header of the column that holds them.
        case registrationFile
        case registrationNameColumn(path: String)
    }

    public var purpose: Purpose
    public var label: String
    public var field: TextField

    /// - Parameter selectingAll: open with `text` selected, so that typing replaces it.
    public init(_ purpose: Purpose, label: String, text: String = "", selectingAll: Bool = false) {
        self.purpose = purpose
        self.label = label
        field = TextField(text: text, allowsLineBreaks: purpose.allowsLineBreaks, selectingAll: selectingAll)
    }

    public var answer: String {
        TextRules.cleaned(field.text, singleLine: !purpose.allowsLineBreaks).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Prompt.Purpose {
    /// Answers that may run to paragraphs (a caveat, a dilemma, a cell, a checklist response) take
    /// line breaks with Ctrl-J; names, titles, themes and ratings are one line.
    public var allowsLineBreaks: Bool {
        switch self {
        case .checklistResponse, .tableText, .newPerspective, .newDimension, .caveat, .editCaveat, .editDilemma, .dilemmaText,
             .sessionPurpose, .topicDescription, .contextDescription: true
        case .theme, .contextName, .rating, .topicTitle, .dilemmaTitle, .speaker, .attendeeName, .attendeeOrganisation, .sessionTitle,
             .sessionHosts, .newItemTitle, .hardEnd, .registrationFile, .registrationNameColumn: false
        }
    }
}
