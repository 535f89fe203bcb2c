import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Every phase kind at both reference sizes, each with something captured in it.
@Suite("Every phase kind on screen")
struct EveryPhaseTests {
    static let sizes = [(80, 24), (160, 48)]

    @Test("golden screen", .tags(.golden), arguments: PhaseKind.allCases, [0, 1])
    func phase(kind: PhaseKind, size: Int) throws {
        let (width, height) = Self.sizes[size]
        var item = AgendaItem(id: EntityID(1), title: "\(kind.displayName) item", phase: kind, minutes: 15,
                              prompt: "What the facilitator is asked to do in this phase.")
        if kind == .checklist { item.checklist = ["Look at the whole system", "Build a shared purpose"] }
        let harness = try Harness(width: width, height: height, chathamHouse: kind != .presentation, agenda: [item])
        harness.press(.character("n"))
        harness.advanceClock(by: 16 * 60) // one minute over its timebox
        switch kind {
        case .contextAssessment:
            harness.add("Place-based collaboration")
            harness.type("4 4")
            harness.press(.enter)
        case .divergence:
            harness.add("Models of collaboration")
            harness.type("Collaborative councils")
            harness.press(.enter, .character("P"))
            harness.type("Alliance contracts")
            harness.press(.enter, .character("D"))
            harness.type("Funding")
            harness.press(.enter, .character("e"))
            harness.type("None")
            harness.press(.enter)
        case .checklist:
            harness.add("Many factors lie outside any one service.")
        default:
            if kind == .presentation {
                harness.press(.character("S"))
                harness.type("Toby Lowe")
                harness.press(.enter)
            }
            for text in ["Outcomes emerge from complex systems.", "Targets can create gaming — café, 日本語."] {
                harness.add(text)
            }
        }
        try expectSnapshot(harness.terminal.screen, named: "phase-\(kind.rawValue)-\(width)x\(height)")
        #expect(harness.screen.contains("+01:00 over"))
    }
}
