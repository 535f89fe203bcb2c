/// Where the Chatham House Rule applies: to the whole session, or to parts of it.
extension Session {
    /// Whether what is captured under `item` (nil: under no item) is held under the Rule.
    public func isUnderRule(_ item: EntityID?) -> Bool {
        item.flatMap { agenda[$0] }?.isUnderRule(sessionRule: details.chathamHouse) ?? details.chathamHouse
    }

    /// Whether a piece of captured text is held under the Rule: by the part it was captured in, and
    /// for the session's own title and purpose, only when the whole session is.
    public func isUnderRule(_ captured: CapturedText) -> Bool {
        captured.location.isSessionHeading ? isWhollyUnderRule : isUnderRule(captured.item)
    }

    /// The agenda items held under the Rule, in agenda order.
    public var itemsUnderRule: [AgendaItem] {
        agenda.elements.filter { $0.isUnderRule(sessionRule: details.chathamHouse) }
    }

    /// Whether any part of the session is held under the Rule: the disclosure check has work to do.
    public var isAnyPartUnderRule: Bool {
        details.chathamHouse || agenda.elements.contains { $0.chathamHouse == true }
    }

    /// Whether every part is held under the Rule: the session's own heading (title, purpose) is
    /// then part of what must not identify anyone.
    public var isWhollyUnderRule: Bool {
        details.chathamHouse && !agenda.elements.contains { $0.chathamHouse == false }
    }
}

extension AgendaItem {
    /// Whether this part is held under the Rule, given the session's: its own rule where it has one.
    public func isUnderRule(sessionRule: Bool) -> Bool {
        chathamHouse ?? sessionRule
    }
}
