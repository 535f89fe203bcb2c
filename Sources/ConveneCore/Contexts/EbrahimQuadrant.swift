/// The four cells of Ebrahim's contingency framework. What each recommends is template content,
/// looked up by `rawValue`; the code only decides where a context falls.
public enum EbrahimQuadrant: String, Codable, Sendable, CaseIterable, Comparable {
    case lowUncertaintyLowControl = "low-uncertainty-low-control"
    case lowUncertaintyHighControl = "low-uncertainty-high-control"
    case highUncertaintyLowControl = "high-uncertainty-low-control"
    case highUncertaintyHighControl = "high-uncertainty-high-control"

    /// The midpoint of the 1–5 scale: a mean exactly here sits on the line between two quadrants.
    public static let midpoint = 3.0

    public var highUncertainty: Bool { self == .highUncertaintyLowControl || self == .highUncertaintyHighControl }
    public var highControl: Bool { self == .lowUncertaintyHighControl || self == .highUncertaintyHighControl }

    /// A short name for where the quadrant lies, used when a template gives no label.
    public var axesName: String {
        "\(highUncertainty ? "high" : "low") uncertainty, \(highControl ? "broad" : "little") control"
    }

    /// Every quadrant a context with these mean ratings touches: one inside a quadrant, two on an
    /// axis line, all four at the very middle. Ordered as `allCases`.
    public static func placing(uncertainty: Double, control: Double) -> [EbrahimQuadrant] {
        let uncertaintySides = sides(of: uncertainty)
        let controlSides = sides(of: control)
        return allCases.filter { uncertaintySides.contains($0.highUncertainty) && controlSides.contains($0.highControl) }
    }

    private static func sides(of mean: Double) -> Set<Bool> {
        if mean == midpoint { return [false, true] }
        return [mean > midpoint]
    }

    public static func < (lhs: EbrahimQuadrant, rhs: EbrahimQuadrant) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// What a template says about one quadrant: a short label and what to measure there.
public struct QuadrantGuide: Codable, Sendable, Equatable {
    public var label: String
    public var measure: String

    public init(label: String, measure: String) {
        self.label = label
        self.measure = measure
    }
}
