import ConveneCore
import Foundation

/// A dot vote from one screen: its options with the room's totals so far, and this person's dots
/// to place (`+`, `-`) and cast (Enter; casting again replaces them). The facilitator closes the
/// vote here (`c`) and the totals stand, on every screen and in the notes.
struct BallotOverlay: LiveOverlay {
    let voteID: EntityID
    /// The dots this person has placed, by option: cast or not yet.
    var dots: [Int]
    var selected = 0
    /// The token of this screen's ballot in this vote.
    let token: String

    init(vote: Vote, cast: Ballot?) {
        voteID = vote.id
        dots = cast?.dots ?? Array(repeating: 0, count: vote.options.count)
        token = cast?.token ?? EventID.random().rawValue
    }

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        guard let vote = context.session.votes[voteID] else {
            context.close()
            return context.notice("That vote was taken away")
        }
        if case .click(.entry(let index)) = key, vote.options.indices.contains(index) {
            selected = index
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.vote) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.vote))
        }
        switch action {
        case .close:
            context.close()
        case .selectPrevious:
            selected = max(0, selected - 1)
        case .selectNext:
            selected = min(vote.options.count - 1, selected + 1)
        case .more:
            guard vote.isOpen else { return context.notice("The vote is closed") }
            guard dots.reduce(0, +) < vote.dots else { return context.notice("All \(vote.dots) dots are placed: take one back with -") }
            dots[selected] += 1
        case .fewer:
            guard dots[selected] > 0 else { return [] }
            dots[selected] -= 1
        case .cast:
            guard vote.isOpen else { return context.problem("The vote is closed: the totals stand") }
            let ballot = Ballot(token: token, dots: dots)
            context.ballots[voteID] = ballot
            let placed = dots.reduce(0, +)
            return [.apply(.ballotCast(vote: voteID, ballot: ballot),
                           saying: "✓ Your \(Counted.phrase(placed, "dot")) cast; \(context.keys[.vote]) changes them while the vote is open")]
        case .closeVote:
            guard vote.isOpen else { return context.notice("The vote is closed already") }
            var closed = vote
            closed.closedAt = context.now
            let top = vote.ranked.first.map { " · most dots: \($0.option) (\($0.dots))" } ?? ""
            return [.apply(.voteChanged(vote: closed), saying: "✓ Vote closed\(top)")]
        }
        return []
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.vote) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        guard let vote = world.session.votes[voteID] else { return }
        frame.put(TextLayout.truncate(vote.question, to: rect.width), in: rect, style: .heading)
        let placed = dots.reduce(0, +)
        let state = vote.isOpen
            ? "Place up to \(Counted.phrase(vote.dots, "dot")): \(vote.dots - placed) left · \(Counted.phrase(vote.ballots.count, "person")) voted"
            : "Closed · \(Counted.phrase(vote.ballots.count, "person")) voted"
        frame.put(TextLayout.truncate(state, to: rect.width), in: rect, row: 1, style: .muted)
        let tally = vote.tally
        let most = max(1, tally.max() ?? 1)
        let barWidth = max(4, min(20, rect.width / 4))
        ListView(noun: ("option", "options"), keys: keys.listMarks).draw(count: vote.options.count, focus: .selected(selected), into: &frame,
                                                                         in: rect.inset(top: 3)) { index in
            let mine = String(repeating: "●", count: dots[index]) + String(repeating: "·", count: max(0, 3 - dots[index]))
            let bar = String(repeating: "█", count: tally[index] * barWidth / most)
            let total = TextLayout.pad("\(tally[index])", to: 3)
            let label = TextLayout.truncate(vote.options[index], to: max(8, rect.width - barWidth - 16))
            return [ListRow(TextLayout.pad(mine, to: 5) + " " + total + " " + TextLayout.pad(bar, to: barWidth) + "  " + label)]
        }
    }
}

extension BallotOverlay {
    /// What opening a vote asks, one after another: the question, the options, the dots each.
    enum Opening: QuestionPurpose, Equatable {
        case question
        case options(question: String)
        case dots(question: String, options: [String])

        var allowsLineBreaks: Bool { false }
    }

    /// Settles one of the questions that open a vote, asking the next; the last opens the vote and
    /// its ballot.
    static func settle(opening question: Question, in context: inout KeyHandling) -> [LiveEffect] {
        guard let asking = question.purpose as? Opening else { return [] }
        let text = question.answer
        switch asking {
        case .question:
            guard !text.isEmpty else { return context.notice("No vote opened") }
            context.open(Question(Opening.options(question: text), label: "the options, separated by ;",
                                  text: suggestedOptions(in: context.session, item: context.session.focusedItem?.id).joined(separator: "; ")))
        case .options(let asked):
            let options = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard Vote.optionLimit.contains(options.count) else {
                context.open(Question(Opening.options(question: asked), label: "the options, separated by ;", text: text))
                return context.problem("A vote has 1 to \(Vote.optionLimit.upperBound) options, separated by ;")
            }
            context.open(Question(Opening.dots(question: asked, options: options), label: "dots each person places", text: "3", selectingAll: true))
        case .dots(let asked, let options):
            guard let dots = Int(text), Vote.dotLimit.contains(dots) else {
                context.open(Question(Opening.dots(question: asked, options: options), label: "dots each person places", text: text))
                return context.problem("Each person places 1 to \(Vote.dotLimit.upperBound) dots")
            }
            let vote = Vote(id: context.session.nextID, question: asked, options: options, dots: dots,
                            item: context.session.focusedItem?.id, openedAt: context.now)
            context.open(BallotOverlay(vote: vote, cast: nil))
            return [.apply(.voteAdded(vote: vote), saying: "✓ Vote open: everyone places \(Counted.phrase(dots, "dot")) with \(context.keys[.vote])")]
        }
        return []
    }

    /// What a vote on this item would likely be about: the themes of its points, else its questions.
    static func suggestedOptions(in session: Session, item: EntityID?) -> [String] {
        let points = session.pointIDs(in: item).compactMap { session.points[$0] }
        var themes: [String] = []
        for theme in points.compactMap(\.theme) where !themes.contains(theme) { themes.append(theme) }
        if !themes.isEmpty { return Array(themes.prefix(Vote.optionLimit.upperBound)) }
        return Array(points.filter { $0.kind == .question }.map { TextLayout.truncate($0.text, to: 60) }.prefix(Vote.optionLimit.upperBound))
    }
}
