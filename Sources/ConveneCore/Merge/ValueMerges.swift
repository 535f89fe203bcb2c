import Foundation

// Part-by-part merges (see `ThreeWayMerge`) of the values a change replaces whole, for journals
// merged from apart: a part only one office changed comes from that one, so an office renaming
// the session while another writes its purpose keeps both. Tables, items and contexts have theirs
// beside the live host, which merges them too.

extension SessionDetails {
    func merging(_ mine: SessionDetails, from base: SessionDetails) -> (details: SessionDetails, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.title = merge.pick(title, mine.title, base.title, "the title")
        merged.kind = merge.pick(kind, mine.kind, base.kind, "the kind")
        merged.date = merge.pick(date, mine.date, base.date, "the date")
        merged.purpose = merge.pick(purpose, mine.purpose, base.purpose, "the purpose")
        merged.hosts = merge.pick(hosts, mine.hosts, base.hosts, "the hosts") { $0.joined(separator: ", ") }
        merged.chathamHouse = merge.pick(chathamHouse, mine.chathamHouse, base.chathamHouse, "the Rule") { $0 ? "on" : "off" }
        merged.template = merge.pick(template, mine.template, base.template, "the template")
        merged.series = merge.pick(series, mine.series, base.series, "the series") { $0 ?? "none" }
        merged.hardEnd = merge.pick(hardEnd, mine.hardEnd, base.hardEnd, "the hard end") { $0.map { "\($0)" } ?? "none" }
        merged.endedAt = merge.pick(endedAt, mine.endedAt, base.endedAt, "the end") { $0 == nil ? "not ended" : "ended" }
        merged.previous = merge.pick(previous, mine.previous, base.previous, "the session before") { $0?.folder ?? "none" }
        merged.next = merge.pick(next, mine.next, base.next, "the session after") { $0?.folder ?? "none" }
        return (merged, merge.replaced)
    }
}

extension Point {
    func merging(_ mine: Point, from base: Point) -> (point: Point, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.kind = merge.pick(kind, mine.kind, base.kind, "the kind") { $0.rawValue }
        merged.text = merge.pick(text, mine.text, base.text, "the text")
        merged.theme = merge.pick(theme, mine.theme, base.theme, "the theme") { $0 ?? "none" }
        merged.subtheme = merge.pick(subtheme, mine.subtheme, base.subtheme, "the subtheme") { $0 ?? "none" }
        merged.item = merge.pick(item, mine.item, base.item, "the agenda item") { $0.map { "\($0)" } ?? "none" }
        merged.speaker = merge.pick(speaker, mine.speaker, base.speaker, "the speaker") { $0 ?? "nobody" }
        merged.owner = merge.pick(owner, mine.owner, base.owner, "the owner") { $0 ?? "nobody" }
        merged.due = merge.pick(due, mine.due, base.due, "the due date") { $0 ?? "none" }
        merged.status = merge.pick(status, mine.status, base.status, "the status") { $0?.rawValue ?? "open" }
        merged.answer = merge.pick(answer, mine.answer, base.answer, "the answer") { $0 ?? "none" }
        merged.layout = merge.pick(layout, mine.layout, base.layout, "the layout") { $0.map { "\($0)" } ?? "as its section" }
        // Edited when either office last edited it: not a part two offices can disagree on.
        merged.editedAt = [editedAt, mine.editedAt].compactMap { $0 }.max()
        return (merged, merge.replaced)
    }
}

extension Attendee {
    func merging(_ mine: Attendee, from base: Attendee) -> (attendee: Attendee, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.name = merge.pick(name, mine.name, base.name, "the name")
        merged.organisation = merge.pick(organisation, mine.organisation, base.organisation, "the organisation") { $0 ?? "none" }
        merged.aliases = merge.pick(aliases, mine.aliases, base.aliases, "the other names") { $0?.joined(separator: ", ") ?? "none" }
        merged.role = merge.pick(role, mine.role, base.role, "the role") { "\($0)" }
        merged.apologies = merge.pick(apologies, mine.apologies, base.apologies, "apologies") { $0 ? "sent" : "none" }
        return (merged, merge.replaced)
    }
}

extension Vote {
    /// Ballots are merged person by person (by token): closing a vote in one office keeps the
    /// ballots cast in the other.
    func merging(_ mine: Vote, from base: Vote) -> (vote: Vote, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.question = merge.pick(question, mine.question, base.question, "the question")
        merged.options = merge.pick(options, mine.options, base.options, "the options") { $0.joined(separator: "; ") }
        merged.dots = merge.pick(dots, mine.dots, base.dots, "the dots each") { "\($0)" }
        merged.closedAt = merge.pick(closedAt, mine.closedAt, base.closedAt, "closing") { $0 == nil ? "open" : "closed" }
        let tokens = (ballots + mine.ballots + base.ballots).map(\.token).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        merged.ballots = tokens.compactMap { token in
            let kept = ballots.first { $0.token == token }, own = mine.ballots.first { $0.token == token }
            let before = base.ballots.first { $0.token == token }
            return merge.pick(kept, own, before, "a ballot") { $0.map { "\($0.dots)" } ?? "none" }
        }
        return (merged, merge.replaced)
    }
}
