import ConveneCore
import ConveneStore

/// The session `new --follow-up` follows: read, with its series, to say what is carried; then
/// linked forward to the new session.
struct FollowedSession {
    let folder: SessionFolder
    let session: Session
    let reference: SessionReference
    /// Its open actions and unanswered questions, less any its series has closed since: an item
    /// closed in an earlier session after this one's copy was made stays closed.
    let openItems: [Point]

    /// Read only: it may be live elsewhere.
    init(_ folder: SessionFolder) throws {
        let series = try folder.series()
        for problem in series.problems { Output.warn("the series could not be read whole: \(problem)") }
        guard let own = series.sessions.first(where: { $0.reference.folder == folder.name }) else {
            throw CommandFailure("\(folder.shownName) could not be read")
        }
        let ledger = series.ledger
        self.folder = folder
        session = own.session
        reference = own.reference
        openItems = own.session.openItems.filter { ledger.entry(for: $0, in: own.reference)?.isOpen ?? true }
    }

    /// Links this session to the one that follows it, naming its series if it had no name. The new
    /// session is made whatever happens here; a session held by a live screen is said, not waited on.
    func link(to follower: SessionReference, series: String, options: SessionsOptions, wait: Duration) {
        do {
            try editing(folder, options: options, wait: wait) { writer in
                if let earlier = writer.session.details.next, earlier.folder != follower.folder {
                    Output.warn("\(folder.shownName) was followed by \(earlier.folder); its notes now link to \(follower.folder)")
                }
                try writer.apply(.detailsChanged(details: writer.session.detailsLinked(to: follower, series: series)),
                                 at: .nowToTheSecond)
            }
        } catch {
            Output.warn("made; \(folder.shownName) does not link to it yet: \(error). Once it is free: convene set \(folder.name) next \(follower.folder)")
        }
    }
}
