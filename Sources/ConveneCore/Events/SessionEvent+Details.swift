extension SessionEvent {
    /// The session's details once this event is applied, when it sets them: creating the session
    /// and changing its details do, and a batch as the last of its events that does. Every other
    /// event leaves them as they were (see `Session.apply`), so a reader that needs only a
    /// session's title and series can follow a journal without replaying it.
    public var detailsSet: SessionDetails? {
        switch self {
        case .created(let setup): setup.details
        case .detailsChanged(let details): details
        case .batch(let events): events.lazy.reversed().compactMap(\.detailsSet).first
        default: nil
        }
    }
}
