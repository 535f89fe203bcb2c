import ConveneCore

extension SessionSummary {
    /// The summary of `session`, saved in `folder`.
    public init(folder: SessionFolder, session: Session) {
        self.init(folder: folder.name, path: folder.url.path, title: session.details.title, date: session.details.date,
                  kind: session.details.kind, chathamHouse: session.details.chathamHouse,
                  attendees: session.attendees.elements.filter { !$0.apologies }.count, points: session.points.count,
                  topics: session.topics.count, contexts: session.contexts.count, series: session.details.series,
                  ended: session.isEnded, open: session.openItems.count)
    }
}
