import ConveneCore
import Testing

@Suite("Ebrahim's contingency framework")
struct EbrahimTests {
    @Test("each corner of the scale lands in its own quadrant", arguments: [
        (1, 1, EbrahimQuadrant.lowUncertaintyLowControl),
        (1, 5, .lowUncertaintyHighControl),
        (5, 1, .highUncertaintyLowControl),
        (5, 5, .highUncertaintyHighControl),
        (4, 2, .highUncertaintyLowControl),
        (2, 4, .lowUncertaintyHighControl),
    ])
    func corners(uncertainty: Int, control: Int, expected: EbrahimQuadrant) {
        let context = ContextAssessment(id: EntityID(1), name: "C", ratings: [Rating(uncertainty: uncertainty, control: control)])
        #expect(context.quadrants == [expected])
    }

    @Test("the middle touches all four quadrants, an axis line two")
    func middleAndLines() {
        #expect(EbrahimQuadrant.placing(uncertainty: 3, control: 3) == EbrahimQuadrant.allCases)
        #expect(EbrahimQuadrant.placing(uncertainty: 3, control: 4.5) == [.lowUncertaintyHighControl, .highUncertaintyHighControl])
        #expect(EbrahimQuadrant.placing(uncertainty: 1.5, control: 3) == [.lowUncertaintyLowControl, .lowUncertaintyHighControl])
    }

    @Test("means and spread come from the individual ratings")
    func meansAndSpread() throws {
        let context = ContextAssessment(id: EntityID(1), name: "C", ratings: [
            Rating(uncertainty: 2, control: 5), Rating(uncertainty: 5, control: 4), Rating(uncertainty: 5, control: 3),
        ])
        #expect(context.meanUncertainty == 4)
        #expect(context.meanControl == 4)
        let spread = try #require(context.spread)
        #expect(spread.uncertainty == 2...5 && spread.control == 3...5)
        #expect(context.quadrants == [.highUncertaintyHighControl])
        #expect(ContextAssessment(id: EntityID(2), name: "Unrated").quadrants.isEmpty)
    }
}
