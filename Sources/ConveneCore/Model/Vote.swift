import Foundation

/// A dot vote the facilitator opens: everyone places up to `dots` dots on the options (themes,
/// questions), and the totals are the room's priorities. Who placed which dots is never kept: each
/// ballot carries a token only its own screen knows.
public struct Vote: Identified, Codable, Sendable, Equatable {
    public static let optionLimit = 1...12
    public static let dotLimit = 1...20

    public internal(set) var id: EntityID
    public var question: String
    public var options: [String]
    /// How many dots each person places.
    public var dots: Int
    /// The agenda item it was held under.
    public var item: EntityID?
    public var openedAt: Date
    public var closedAt: Date?
    public var ballots: [Ballot]

    public init(id: EntityID, question: String, options: [String], dots: Int, item: EntityID?, openedAt: Date, closedAt: Date? = nil,
                ballots: [Ballot] = []) {
        self.id = id
        self.question = question
        self.options = options
        self.dots = dots
        self.item = item
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.ballots = ballots
    }

    public var isOpen: Bool { closedAt == nil }

    /// Dots on each option, in the options' order.
    public var tally: [Int] {
        options.indices.map { option in ballots.reduce(0) { $0 + ($1.dots.indices.contains(option) ? $1.dots[option] : 0) } }
    }

    /// The options with their dots, most first (ties in the options' order).
    public var ranked: [(option: String, dots: Int)] {
        zip(options, tally).enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map { ($0.element.0, $0.element.1) }
    }
}

/// One person's dots in a vote, by option, under a token their screen chose: casting again under
/// the same token replaces it.
public struct Ballot: Codable, Sendable, Equatable {
    public var token: String
    public var dots: [Int]

    public init(token: String, dots: [Int]) {
        self.token = token
        self.dots = dots
    }
}
