import ConveneCore

extension AgendaItem {
    /// The mark before the item in an agenda list: ▶ the item under way (`current`), – skipped,
    /// ✓ ended, else a space. The live screen's agenda, the agenda overlay and `follow` share it.
    func agendaMark(current: EntityID?) -> String {
        id == current ? "▶" : isSkipped ? "–" : endedAt != nil ? "✓" : " "
    }
}
