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

    public internal(set) var id: EntityID
    public var title: String
    /// The lead-in: what the divergence is about, before the table. May hold paragraphs and lists.
    public var description: String
    /// What the rows are, written in the table's top-left cell (e.g. "How outcomes are…"); may be empty.
    public var rowHeader: String
    public var item: EntityID?
    /// The columns' names; a name may be empty where the perspectives are told apart by their cells.
    public var perspectives: [String]
    public var dimensions: [String]
    /// `cells[row][column]`: the text where dimension `row` meets perspective `column`.
    public var cells: [[String]]
    public var caveats: [String]
    /// The paragraph after the caveats that leads into the dilemmas ("Resolving these tensions
    /// requires…"); may hold paragraphs and lists; empty when none.
    public var dilemmasLeadIn: String
    public var dilemmas: [Dilemma]

    public init(
        id: EntityID, title: String, description: String = "", rowHeader: String = "", item: EntityID? = nil,
        perspectives: [String] = [], dimensions: [String] = [], cells: [[String]] = [], caveats: [String] = [],
        dilemmasLeadIn: String = "", dilemmas: [Dilemma] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rowHeader = rowHeader
        self.item = item
        self.perspectives = perspectives
        self.dimensions = dimensions
        self.cells = cells
        self.caveats = caveats
        self.dilemmasLeadIn = dilemmasLeadIn
        self.dilemmas = dilemmas
    }

    /// The cell text, or "" where it has not been filled (or the grid is ragged).
    public func cell(row: Int, column: Int) -> String {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return "" }
        return cells[row][column]
    }
}

extension DivergenceTopic {
    enum CodingKeys: String, CodingKey {
        case id, title, description, rowHeader, item, perspectives, dimensions, cells, caveats, dilemmasLeadIn, dilemmas
    }

    /// Written without the lead-in to the dilemmas when there is none, as journals had it before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(rowHeader, forKey: .rowHeader)
        try container.encodeIfPresent(item, forKey: .item)
        try container.encode(perspectives, forKey: .perspectives)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encode(cells, forKey: .cells)
        try container.encode(caveats, forKey: .caveats)
        if !dilemmasLeadIn.isEmpty { try container.encode(dilemmasLeadIn, forKey: .dilemmasLeadIn) }
        try container.encode(dilemmas, forKey: .dilemmas)
    }

    /// Journals written before topics had a description and a row header still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(EntityID.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        rowHeader = try container.decodeIfPresent(String.self, forKey: .rowHeader) ?? ""
        item = try container.decodeIfPresent(EntityID.self, forKey: .item)
        perspectives = try container.decode([String].self, forKey: .perspectives)
        dimensions = try container.decode([String].self, forKey: .dimensions)
        cells = try container.decode([[String]].self, forKey: .cells)
        caveats = try container.decode([String].self, forKey: .caveats)
        dilemmasLeadIn = try container.decodeIfPresent(String.self, forKey: .dilemmasLeadIn) ?? ""
        dilemmas = try container.decode([Dilemma].self, forKey: .dilemmas)
    }
}
