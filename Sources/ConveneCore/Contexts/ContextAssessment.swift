/// A context rated on Ebrahim's two questions, by one or more people.
public struct ContextAssessment: Identified, Codable {
    public internal(set) var id: EntityID
    public var name: String
    public var description: String
    public var item: EntityID?
    /// Individual ratings, anonymous, in the order given.
    public var ratings: [Rating]

    public init(id: EntityID, name: String, description: String = "", item: EntityID? = nil, ratings: [Rating] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.item = item
        self.ratings = ratings
    }

    public var meanUncertainty: Double? { mean(of: \.uncertainty) }
    public var meanControl: Double? { mean(of: \.control) }

    /// Where the context sits on the 2×2; empty until it has been rated.
    public var quadrants: [EbrahimQuadrant] {
        guard let meanUncertainty, let meanControl else { return [] }
        return EbrahimQuadrant.placing(uncertainty: meanUncertainty, control: meanControl)
    }

    /// The lowest and highest individual rating on each axis, to show how far people agreed.
    public var spread: (uncertainty: ClosedRange<Int>, control: ClosedRange<Int>)? {
        guard let uncertainty = range(of: \.uncertainty), let control = range(of: \.control) else { return nil }
        return (uncertainty, control)
    }

    private func mean(of axis: KeyPath<Rating, Int>) -> Double? {
        guard !ratings.isEmpty else { return nil }
        return Double(ratings.reduce(0) { $0 + $1[keyPath: axis] }) / Double(ratings.count)
    }

    private func range(of axis: KeyPath<Rating, Int>) -> ClosedRange<Int>? {
        let values = ratings.map { $0[keyPath: axis] }
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }
}
