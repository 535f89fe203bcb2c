extension DivergenceTopic {
    /// The topic as kept (`self`) with `mine` merged in: the version a writer made from `base`
    /// while another writer's change, made meanwhile, was kept first.
    ///
    /// Whatever only one of the two changed is taken from that one: two note-takers filling
    /// different cells of one table at once both keep their cells, and caveats or dilemmas both
    /// added are all kept. Where both changed the same cell or field differently, `mine` (the later,
    /// in the host's order) stands, and what it replaced is returned, for its writer to be told.
    public func merging(_ mine: DivergenceTopic, from base: DivergenceTopic) -> (topic: DivergenceTopic, replaced: [String]) {
        var merge = ThreeWayMerge()
        func list(_ kept: [String], _ mine: [String], _ base: [String], _ name: String) -> [String] {
            merge.list(kept, mine, base, name) { $0.joined(separator: "; ") }
        }
        var merged = mine
        merged.title = merge.pick(title, mine.title, base.title, "the title")
        merged.description = merge.pick(description, mine.description, base.description, "the lead-in")
        merged.rowHeader = merge.pick(rowHeader, mine.rowHeader, base.rowHeader, "the row header")
        merged.dilemmasLeadIn = merge.pick(dilemmasLeadIn, mine.dilemmasLeadIn, base.dilemmasLeadIn, "the lead-in to the dilemmas")
        merged.caveats = list(caveats, mine.caveats, base.caveats, "the caveats")
        merged.dilemmas = merge.list(dilemmas, mine.dilemmas, base.dilemmas, "the dilemmas") { $0.map(\.title).joined(separator: "; ") }
        merged.perspectives = list(perspectives, mine.perspectives, base.perspectives, "the perspectives")
        merged.dimensions = list(dimensions, mine.dimensions, base.dimensions, "the dimensions")
        // The grid takes the shape the names now have; each cell is merged on its own.
        merged.cells = merged.dimensions.indices.map { row in
            merged.perspectives.indices.map { column in
                merge.pick(cell(row: row, column: column), mine.cell(row: row, column: column), base.cell(row: row, column: column),
                           "the cell \(merged.dimensions[row].isEmpty ? "row \(row + 1)" : "‘\(merged.dimensions[row])’") × "
                               + (merged.perspectives[column].isEmpty ? "column \(column + 1)" : "‘\(merged.perspectives[column])’"))
            }
        }
        return (merged, merge.replaced)
    }
}
