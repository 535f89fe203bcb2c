/// A point of divergence laid out as a table: perspectives as columns, dimensions as rows.
public struct DivergenceTopic: Identified, Codable {
    /// A hard choice that resolving the divergence would require.
    public struct Dilemma: Codable, Sendable, Equatable {
        public var title: String
        public var text: String

        public init(title: String, text: String = "") {
            self.title = title
            self.text = text
        }
    }

    public let id: EntityID
    public var title: String
    public var item: EntityID?
    public var perspectives: [String]
    public var dimensions: [String]
    /// `cells[row][column]`: the text where dimension `row` meets perspective `column`.
    public var cells: [[String]]
    public var caveats: [String]
    public var dilemmas: [Dilemma]

    public init(
        id: EntityID, title: String, item: EntityID? = nil, perspectives: [String] = [], dimensions: [String] = [],
        cells: [[String]] = [], caveats: [String] = [], dilemmas: [Dilemma] = []
    ) {
        self.id = id
        self.title = title
        self.item = item
        self.perspectives = perspectives
        self.dimensions = dimensions
        self.cells = cells
        self.caveats = caveats
        self.dilemmas = dilemmas
    }

    /// The cell text, or "" where it has not been filled (or the grid is ragged).
    public func cell(row: Int, column: Int) -> String {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return "" }
        return cells[row][column]
    }
}
