/// Merges a writer's version of something (`mine`, made from `base`) into the version kept
/// meanwhile (`kept`), part by part: a part only one of them changed comes from that one; a part
/// both changed differently comes from `mine`, the later in the host's order, and what it replaced
/// is noted, for the writer of `kept` to be told.
struct ThreeWayMerge {
    private(set) var replaced: [String] = []

    mutating func pick<Value: Equatable>(_ kept: Value, _ mine: Value, _ base: Value, _ name: @autoclosure () -> String,
                                         shown: (Value) -> String) -> Value {
        if mine == base { return kept }
        if kept != base && kept != mine { replaced.append("\(name()): ‘\(shown(kept))’") }
        return mine
    }

    mutating func pick(_ kept: String, _ mine: String, _ base: String, _ name: @autoclosure () -> String) -> String {
        pick(kept, mine, base, name(), shown: { $0 })
    }

    /// A list both may have added to: when both only added after what was there, all of it is
    /// kept, the kept additions first.
    mutating func list<Element: Equatable>(_ kept: [Element], _ mine: [Element], _ base: [Element], _ name: @autoclosure () -> String,
                                           shown: ([Element]) -> String) -> [Element] {
        if kept.starts(with: base), mine.starts(with: base) { return kept + mine.dropFirst(base.count) }
        return pick(kept, mine, base, name(), shown: shown)
    }
}

extension AgendaItem {
    /// The item as kept with `mine` merged in (see `ThreeWayMerge`): each checklist response on
    /// its own, so two note-takers answering different prompts both keep theirs, and a note-taker's
    /// change made before the facilitator moved the clock leaves the clock as the facilitator set it.
    public func merging(_ mine: AgendaItem, from base: AgendaItem) -> (item: AgendaItem, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.title = merge.pick(title, mine.title, base.title, "the title")
        merged.phase = merge.pick(phase, mine.phase, base.phase, "the phase") { $0.rawValue }
        merged.minutes = merge.pick(minutes, mine.minutes, base.minutes, "the minutes") { "\($0)" }
        merged.prompt = merge.pick(prompt, mine.prompt, base.prompt, "the prompt")
        merged.speaker = merge.pick(speaker, mine.speaker, base.speaker, "the speaker") { $0 ?? "nobody" }
        merged.chathamHouse = merge.pick(chathamHouse, mine.chathamHouse, base.chathamHouse, "the Rule") { $0.map { $0 ? "on" : "off" } ?? "as the session" }
        merged.checklist = merge.list(checklist, mine.checklist, base.checklist, "the checklist") { $0.joined(separator: "; ") }
        let count = max(responses.count, mine.responses.count, base.responses.count)
        func response(_ responses: [String], _ index: Int) -> String { responses.indices.contains(index) ? responses[index] : "" }
        merged.responses = (0..<count).map { index in
            merge.pick(response(responses, index), response(mine.responses, index), response(base.responses, index),
                       "the response to ‘\(merged.checklist.indices.contains(index) ? merged.checklist[index] : "prompt \(index + 1)")’")
        }
        while merged.responses.last == "" && merged.responses.count > max(responses.count, mine.responses.count) { merged.responses.removeLast() }
        merged.startedAt = merge.pick(startedAt, mine.startedAt, base.startedAt, "the start") { _ in "as it was" }
        merged.endedAt = merge.pick(endedAt, mine.endedAt, base.endedAt, "the end") { _ in "as it was" }
        merged.clockRunningSince = merge.pick(clockRunningSince, mine.clockRunningSince, base.clockRunningSince, "the clock") { _ in "as it was" }
        merged.clockSeconds = merge.pick(clockSeconds, mine.clockSeconds, base.clockSeconds, "the clock") { _ in "as it was" }
        merged.replannedMinutes = merge.pick(replannedMinutes, mine.replannedMinutes, base.replannedMinutes, "the replanned minutes") {
            $0.map { "\($0)" } ?? "none"
        }
        merged.skippedAt = merge.pick(skippedAt, mine.skippedAt, base.skippedAt, "skipping") { $0 == nil ? "not skipped" : "skipped" }
        return (merged, merge.replaced)
    }
}

extension ContextAssessment {
    /// The context as kept with `mine` merged in (see `ThreeWayMerge`): ratings both added are all
    /// kept, and a name or description changed by one alone is taken from that one.
    public func merging(_ mine: ContextAssessment, from base: ContextAssessment) -> (context: ContextAssessment, replaced: [String]) {
        var merge = ThreeWayMerge()
        var merged = mine
        merged.name = merge.pick(name, mine.name, base.name, "the name")
        merged.description = merge.pick(description, mine.description, base.description, "what it is")
        merged.ratings = merge.list(ratings, mine.ratings, base.ratings, "the ratings") { Rating.typed($0) }
        return (merged, merge.replaced)
    }
}
