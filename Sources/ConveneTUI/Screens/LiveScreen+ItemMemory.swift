import ConveneCore

/// What was selected on an agenda item: kept when the agenda moves on, put back on return, so a
/// note-taker finds the item as they left it.
struct ItemSelection: Equatable, Sendable {
    var point: EntityID?
    var context: EntityID?
    var prompt = 0
    var topic: EntityID?
    var cellRow = -1
    var cellColumn = 0
    var theme: String?
    var lastKind: PointKind?
}

extension LiveScreen {
    /// Keeps what is selected on the item being left and puts back what was selected on the item
    /// `step` moves to (nothing, the first time).
    mutating func move(by step: SessionEvent, in session: Session) {
        if let leaving = session.focusedItem?.id {
            remembered[leaving] = ItemSelection(
                point: selection, context: selectedContext, prompt: selectedPrompt, topic: selectedTopic,
                cellRow: cell.row, cellColumn: cell.column, theme: theme, lastKind: lastKind
            )
        }
        var after = session
        _ = try? after.apply(step)
        let kept = after.focusedItem.flatMap { remembered[$0.id] } ?? ItemSelection()
        selection = kept.point
        selectedContext = kept.context
        selectedPrompt = kept.prompt
        selectedTopic = kept.topic
        cell = (kept.cellRow, kept.cellColumn)
        theme = kept.theme
        lastKind = kept.lastKind
    }

    /// The context that `r`, `e` and `d` act on: the one selected, else the first, so that coming to
    /// a context assessment and pressing `r` rates something.
    func currentContext(in session: Session) -> EntityID? {
        selectedContext.flatMap { session.contexts.contains($0) ? $0 : nil } ?? session.contexts.ids.first
    }
}
