import ConveneCore

/// The body of the live screen for one kind of phase: it owns its state (what is selected), its
/// keys and its drawing. One panel is kept per agenda item, so coming back to an item finds it as
/// it was left.
///
/// To add a phase kind: write a panel in this folder and add its type to `PhasePanels.kinds`.
protocol PhasePanel: Sendable {
    /// What this kind of panel asks in the field at the bottom; the answers come back to `settle`.
    associatedtype Asking: QuestionPurpose
    /// Whether this kind of panel shows `item`.
    static func shows(_ item: AgendaItem) -> Bool
    /// A panel with nothing selected yet, for `item` (nil: no item, or to settle a prompt).
    init(item: AgendaItem?)
    /// The panel's own keys, looked up before the live keys (a table's P, D, h, l); nil when the
    /// key is not one of them.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]?
    /// A live key whose meaning depends on the phase: add, edit, delete, select, move, theme, rate.
    mutating func act(_ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect]
    /// Settles a prompt this kind of panel opened; nil when the prompt is not its.
    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]?
    /// Saves a point typed in the composer; nil when the panel takes no points.
    mutating func commit(_ composer: Composer, in context: inout KeyHandling) -> [LiveEffect]?
    func draw(into frame: inout Frame, in rect: Rect, session: Session, keys: KeyMap)
    /// The hint line while nothing is over the panel.
    func hints(_ keys: KeyMap) -> [(key: String, text: String)]
}

extension PhasePanel {
    /// Whether `question` is one this kind of panel asks.
    static func asks(_ question: Question) -> Bool { question.purpose is Asking }
    func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]? { nil }
    func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? { nil }
    func commit(_ composer: Composer, in context: inout KeyHandling) -> [LiveEffect]? { nil }
    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.live) }
}

/// Which panel shows an agenda item: chosen here and nowhere else.
enum PhasePanels {
    /// In order of precedence: the first that shows an item is its panel; points take the rest.
    static let kinds: [any PhasePanel.Type] = [ContextsPanel.self, DivergencePanel.self, ChecklistPanel.self, PointsPanel.self]

    static func panel(for item: AgendaItem?) -> any PhasePanel {
        let kind = item.flatMap { item in kinds.first { $0.shows(item) } } ?? PointsPanel.self
        return kind.init(item: item)
    }

    /// A fresh panel of every kind, to settle a prompt opened away from its item (a fix from the
    /// disclosure review): what such an answer saves does not depend on what a panel has selected.
    static var fresh: [any PhasePanel] { kinds.map { $0.init(item: nil) } }
}
