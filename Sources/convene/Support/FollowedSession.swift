import ConveneCore
import ConveneStore

/// The session a follow-up follows (`new --follow-up`, `F` on the home screen): read, with its
/// series, to say what is carried; then linked forward to the new session.
struct FollowedSession {
    let folder: SessionFolder
    let session: Session
    let reference: SessionReference
    /// Its open actions and unanswered questions, less any its series has closed since: an item
    /// closed in an earlier session after this one's copy was made stays closed.
    let openItems: [Point]
    /// Sessions of the series that could not be read, each said with why.
    let problems: [String]

    /// Read only: it may be live elsewhere.
    init(_ folder: SessionFolder) throws {
        let series = try folder.series()
        guard let own = series.sessions.first(where: { $0.reference.folder == folder.name }) else {
            throw CommandFailure("\(folder.shownName) could not be read")
        }
        let ledger = series.ledger
        self.folder = folder
        session = own.session
        reference = own.reference
        openItems = own.session.openItems.filter { ledger.entry(for: $0, in: own.reference)?.isOpen ?? true }
        problems = series.problems.map { "the series could not be read whole: \($0)" }
    }

    /// The setup of the session that follows this one: run as this one was unless `template` says
    /// otherwise, with its hosts unless `hosts` names others, in its series unless `series` names one.
    func setup(title: String, date: String, template: String?, purpose: String?, hosts: [String], series: String?,
               templates: TemplateLibrary) throws -> SessionSetup {
        let name = template ?? session.details.template
        guard !name.isEmpty else {
            throw CommandFailure("the previous session does not say which template it was started from; give --template")
        }
        var setup = try templates.sessionTemplate(named: name).setup(title: title, date: date, purpose: purpose)
        setup.details.hosts = hosts.isEmpty ? session.details.hosts : hosts
        setup.details.series = series ?? session.seriesName
        setup.details.previous = reference
        return setup
    }

    /// What the new session starts with: this one's people (when it has none yet) and open items.
    func carried(into writer: SessionWriter) throws {
        for event in writer.session.carryingOver(from: session, in: reference, carrying: openItems, at: .nowToTheSecond) {
            try writer.apply(event, at: .nowToTheSecond)
        }
    }

    /// Links this session to the one that follows it, naming its series if it had no name. The new
    /// session is made whatever happens here; returns why the link could not be made, if it could not
    /// (the session is open live elsewhere, say).
    func link(to follower: SessionReference, series: String, options: SessionsOptions, wait: Duration) -> String? {
        do {
            return try editing(folder, options: options, wait: wait) { writer in
                let earlier = writer.session.details.next.flatMap { $0.folder == follower.folder ? nil : $0 }
                try writer.apply(.detailsChanged(details: writer.session.detailsLinked(to: follower, series: series)),
                                 at: .nowToTheSecond)
                return earlier.map { "\(folder.shownName) was followed by \($0.folder); its notes now link to \(follower.folder)" }
            }
        } catch {
            return "made; \(folder.shownName) does not link to it yet: \(error). Once it is free: convene set \(folder.name) next \(follower.folder)"
        }
    }
}
