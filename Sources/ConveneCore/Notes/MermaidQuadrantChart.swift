import Foundation

/// The context assessment as a Mermaid `quadrantChart`, which GitHub draws from a fenced block.
struct MermaidQuadrantChart {
    var contexts: [ContextAssessment]
    var guide: [EbrahimQuadrant: QuadrantGuide]

    /// The chart's source, without the fence.
    var source: String {
        var lines = [
            "quadrantChart",
            "    title Context assessment",
            "    x-axis Little control --> Broad control",
            "    y-axis Low uncertainty --> High uncertainty",
        ]
        // Mermaid numbers quadrants anticlockwise from the top right.
        let numbered: [(Int, EbrahimQuadrant)] = [
            (1, .highUncertaintyHighControl), (2, .highUncertaintyLowControl),
            (3, .lowUncertaintyLowControl), (4, .lowUncertaintyHighControl),
        ]
        for (number, quadrant) in numbered {
            lines.append("    quadrant-\(number) \(Self.label(guide[quadrant]?.label ?? quadrant.axesName, fallback: quadrant.axesName))")
        }
        for (index, context) in contexts.enumerated() {
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { continue }
            let name = Self.label(context.name, fallback: "Context \(index + 1)")
            lines.append("    \(name): [\(Self.coordinate(control)), \(Self.coordinate(uncertainty))]")
        }
        return lines.joined(separator: "\n")
    }

    /// Ratings 1…5 as Mermaid's 0…1.
    static func coordinate(_ rating: Double) -> String {
        String(format: "%.2f", (rating - 1) / 4)
    }

    /// Mermaid's chart grammar has no escapes: keep letters, digits, spaces and harmless punctuation.
    static func label(_ text: String, fallback: String) -> String {
        let kept = text.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -.,'/&".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : " "
        }
        let words = String(kept).split(separator: " ").joined(separator: " ")
        return words.isEmpty ? fallback : words
    }
}
