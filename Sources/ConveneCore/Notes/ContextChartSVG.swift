import Foundation

/// The context assessment drawn as a picture for printed records (HTML, PDF, DOCX): Ebrahim's 2×2
/// with control over outcomes across and uncertainty about cause and effect up, each quadrant
/// tinted and named (above and below the plot) by the template's guide, and each rated context a
/// numbered dot at its mean ratings, named in full in a legend under the plot. Names never sit on
/// the plot, so two contexts rated alike cannot print over each other or be cut: dots closer than
/// a dot's width share one, numbered for each.
///
/// The SVG has no blank line in it, so it can stand in a Markdown HTML block as it is.
public struct ContextChartSVG {
    public var contexts: [ContextAssessment]
    public var guide: [EbrahimQuadrant: QuadrantGuide]

    public init(contexts: [ContextAssessment], guide: [EbrahimQuadrant: QuadrantGuide]) {
        self.contexts = contexts
        self.guide = guide
    }

    /// What the chart shows, for a caption or alternative text.
    public static let caption = "Contexts on Ebrahim's 2×2: mean ratings of control over outcomes (across) and uncertainty about cause and effect (up), from 1 to 5."

    // The drawing's geometry, in SVG user units: quadrant names above and below the plot, where no
    // context can cover them.
    private static let width = 560.0, plotHeight = 560.0
    private static let plot = (left: 78.0, top: 52.0, size: 400.0)
    private static let quadrantNameLine = 30
    /// Dots nearer than this share one (a quarter of a rating, at 100 units a rating): a dot and
    /// its number take about that much room.
    private static let dotSpacing = 26.0
    /// The legend's lines: characters per line, and the height of each.
    private static let legendLine = 84, legendLineHeight = 16.0

    /// Every line of the legend, wrapped: the context's number on its first line, then "Homelessness
    /// support: control 2, uncertainty 4".
    private var legend: [(number: String, text: String)] {
        rated.enumerated().flatMap { number, context in
            let entry = "\(Self.name(of: context)): control \(Self.rating(context.meanControl ?? 0)), uncertainty \(Self.rating(context.meanUncertainty ?? 0))"
            return Self.wrappedFully(entry, width: Self.legendLine).enumerated().map { line, text in
                (line == 0 ? "\(number + 1)" : "", text)
            }
        }
    }

    /// The contexts drawn: those with a rating, in the order given, numbered from 1.
    private var rated: [ContextAssessment] {
        contexts.filter { $0.meanUncertainty != nil && $0.meanControl != nil }
    }

    public var source: String {
        let (left, top, size) = Self.plot
        let half = size / 2
        let legend = self.legend
        let height = Self.plotHeight + Double(legend.count) * Self.legendLineHeight + (legend.isEmpty ? 0 : 8)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"context-chart\" width=\"\(Self.number(Self.width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" role=\"img\" font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\">",
            "<title>\(XMLText.escaped(Self.caption))</title>",
            "<desc>\(XMLText.escaped(description))</desc>",
        ]
        // The quadrants: high uncertainty on top, broad control on the right.
        for quadrant in EbrahimQuadrant.allCases {
            let x = left + (quadrant.highControl ? half : 0)
            let y = top + (quadrant.highUncertainty ? 0 : half)
            parts.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(half))\" height=\"\(Self.number(half))\" fill=\"\(Self.tint(quadrant))\"/>")
            let lines = Self.wrapped(guide[quadrant]?.label ?? quadrant.axesName, width: Self.quadrantNameLine)
            // Above the plot the last line sits on it; below, the first line clears the scale.
            let firstY = quadrant.highUncertainty ? top - 8 - Double(lines.count - 1) * 14 : top + size + 34
            for (index, line) in lines.enumerated() {
                parts.append("<text x=\"\(Self.number(x + half / 2))\" y=\"\(Self.number(firstY + Double(index) * 14))\" font-size=\"12\" font-weight=\"bold\" fill=\"#44546a\" text-anchor=\"middle\">\(XMLText.escaped(line))</text>")
            }
        }
        parts.append("<rect x=\"\(Self.number(left))\" y=\"\(Self.number(top))\" width=\"\(Self.number(size))\" height=\"\(Self.number(size))\" fill=\"none\" stroke=\"#8497b0\"/>")
        parts.append("<line x1=\"\(Self.number(left + half))\" y1=\"\(Self.number(top))\" x2=\"\(Self.number(left + half))\" y2=\"\(Self.number(top + size))\" stroke=\"#8497b0\" stroke-dasharray=\"4 3\"/>")
        parts.append("<line x1=\"\(Self.number(left))\" y1=\"\(Self.number(top + half))\" x2=\"\(Self.number(left + size))\" y2=\"\(Self.number(top + half))\" stroke=\"#8497b0\" stroke-dasharray=\"4 3\"/>")
        // The scale, 1 to 5 on both axes.
        for rating in 1...5 {
            let offset = Double(rating - 1) / 4 * size
            parts.append("<text x=\"\(Self.number(left + offset))\" y=\"\(Self.number(top + size + 15))\" font-size=\"11\" fill=\"#595959\" text-anchor=\"middle\">\(rating)</text>")
            parts.append("<text x=\"\(Self.number(left - 8))\" y=\"\(Self.number(top + size - offset + 4))\" font-size=\"11\" fill=\"#595959\" text-anchor=\"end\">\(rating)</text>")
        }
        parts.append("<text x=\"\(Self.number(left + half))\" y=\"\(Self.number(top + size + 80))\" font-size=\"12.5\" fill=\"#262626\" text-anchor=\"middle\">Control over outcomes: little → broad</text>")
        let axisY = top + half
        parts.append("<text x=\"\(Self.number(left - 34))\" y=\"\(Self.number(axisY))\" font-size=\"12.5\" fill=\"#262626\" text-anchor=\"middle\" transform=\"rotate(-90 \(Self.number(left - 34)) \(Self.number(axisY)))\">Uncertainty about cause and effect: low → high</text>")

        for spot in spots { parts.append(contentsOf: Self.draw(spot)) }
        for (line, entry) in legend.enumerated() {
            let y = Self.number(Self.plotHeight + 4 + Double(line) * Self.legendLineHeight)
            if !entry.number.isEmpty {
                parts.append("<text x=\"40\" y=\"\(y)\" font-size=\"11.5\" font-weight=\"bold\" fill=\"#1a1a1a\" text-anchor=\"end\">\(entry.number)</text>")
            }
            parts.append("<text x=\"48\" y=\"\(y)\" font-size=\"11.5\" fill=\"#1a1a1a\">\(XMLText.escaped(entry.text))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The chart in words: every rated context and where it sits.
    var description: String {
        let placed = contexts.compactMap { context -> String? in
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { return nil }
            return "\(Self.name(of: context)): control \(Self.rating(control)), uncertainty \(Self.rating(uncertainty))"
        }
        return placed.isEmpty ? "No context has been rated." : placed.joined(separator: "; ") + "."
    }

    /// One dot per place on the plot, with the numbers of the contexts there.
    private struct Spot {
        var x: Double
        var y: Double
        var numbers: [Int]
    }

    private var spots: [Spot] {
        let (left, top, size) = Self.plot
        var spots: [Spot] = []
        for (index, context) in rated.enumerated() {
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { continue }
            let x = left + (Self.clamped(control) - 1) / 4 * size
            let y = top + size - (Self.clamped(uncertainty) - 1) / 4 * size
            if let near = spots.firstIndex(where: { hypot($0.x - x, $0.y - y) < Self.dotSpacing }) {
                spots[near].numbers.append(index + 1)
            } else {
                spots.append(Spot(x: x, y: y, numbers: [index + 1]))
            }
        }
        return spots
    }

    private static func draw(_ spot: Spot) -> [String] {
        let (left, _, size) = plot
        // The numbers go right of the dot, or left of it in the right-hand third, where they would
        // run off the chart.
        let toTheLeft = spot.x > left + size * 0.66
        let label = spot.numbers.map(String.init).joined(separator: ", ")
        return [
            "<circle cx=\"\(number(spot.x))\" cy=\"\(number(spot.y))\" r=\"7\" fill=\"#1f4e79\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            "<text x=\"\(number(toTheLeft ? spot.x - 11 : spot.x + 11))\" y=\"\(number(spot.y + 4))\" font-size=\"11.5\" font-weight=\"bold\" fill=\"#1a1a1a\" text-anchor=\"\(toTheLeft ? "end" : "start")\">\(label)</text>",
        ]
    }

    /// Text in lines of at most `width` characters, broken between words (a word longer than a line
    /// on a line of its own); nothing is left out.
    static func wrappedFully(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !current.isEmpty && columns(current) + 1 + columns(word) > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        return lines + (current.isEmpty ? [] : [current])
    }

    /// How many character widths `text` takes: a CJK character or an emoji as two, so a legend in
    /// Japanese wraps where one in English would.
    private static func columns(_ text: some StringProtocol) -> Int {
        text.reduce(0) { total, character in
            let wide = character.unicodeScalars.first.map { scalar in
                [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD].contains { $0.contains(Int(scalar.value)) }
            } ?? false
            return total + (wide ? 2 : 1)
        }
    }

    /// A quadrant's name in at most two lines of about `width` characters, the second shortened.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [""] }
        var first = words[0]
        var rest = words.dropFirst()
        while let next = rest.first, first.count + 1 + next.count <= width {
            first += " " + next
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return [shortened(first, to: width)] }
        return [shortened(first, to: width), shortened(rest.joined(separator: " "), to: width)]
    }

    private static func tint(_ quadrant: EbrahimQuadrant) -> String {
        switch quadrant {
        case .lowUncertaintyLowControl: "#eef3f8"
        case .lowUncertaintyHighControl: "#e3ecf5"
        case .highUncertaintyLowControl: "#f6efe6"
        case .highUncertaintyHighControl: "#f3e9f1"
        }
    }

    private static func name(of context: ContextAssessment) -> String {
        let words = context.name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? "Unnamed context" : words
    }

    private static func clamped(_ rating: Double) -> Double {
        rating.isFinite ? min(max(rating, 1), 5) : 1
    }

    private static func rating(_ mean: Double) -> String {
        mean == mean.rounded() ? String(Int(mean)) : String(format: "%.1f", mean)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : text.prefix(limit - 1).trimmingCharacters(in: .whitespaces) + "…"
    }
}
