import ConveneCore

// What each phase panel asks in the field at the bottom; the answer comes back to the panel of
// that kind (`PhasePanel.settle`).

extension PointsPanel {
    enum Asking: QuestionPurpose, Equatable {
        /// The theme of a point, or (nil) of the points added next.
        case theme(point: EntityID?)
        /// A question's answer, which marks it answered.
        case answer(point: EntityID)

        var allowsLineBreaks: Bool {
            if case .answer = self { true } else { false }
        }
    }
}

extension ContextsPanel {
    enum Asking: QuestionPurpose, Equatable {
        /// A new context's name, or a new name for an existing one.
        case name(context: EntityID?)
        /// What a context is, after its (new) name: the notes' description column.
        case description(context: EntityID, name: String)
        /// One person's ratings of a context: uncertainty, then control.
        case rating(context: EntityID)
        /// Every rating of a context, to correct: "4 2; 5 1".
        case ratings(context: EntityID)

        var allowsLineBreaks: Bool {
            if case .description = self { true } else { false }
        }
    }
}

extension ChecklistPanel {
    enum Asking: QuestionPurpose, Equatable {
        /// The response to checklist prompt `index` of an agenda item.
        case response(item: EntityID, index: Int)

        var allowsLineBreaks: Bool { true }
    }
}

extension DivergencePanel {
    enum Asking: QuestionPurpose, Equatable {
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
        /// The paragraph after the caveats, before the dilemmas.
        case dilemmasLeadIn(topic: EntityID)
        case dilemmaText(topic: EntityID, title: String)

        var allowsLineBreaks: Bool {
            switch self {
            case .topicTitle, .dilemmaTitle: false
            default: true
            }
        }
    }
}
