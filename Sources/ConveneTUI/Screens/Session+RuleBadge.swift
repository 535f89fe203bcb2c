import ConveneCore

extension Session {
    /// The badge every screen of a session shows: whether the Chatham House Rule applies to the
    /// part of it on screen (nil: the session as a whole).
    func ruleBadge(for item: EntityID?) -> (text: String, style: Style) {
        isUnderRule(item) ? (" CHATHAM HOUSE RULE ", .badge) : (" ATTRIBUTED ", Style(role: .muted, reverse: true))
    }
}
