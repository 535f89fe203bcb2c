extension DivergenceTopic {
    /// The topic as kept (`self`) with `mine` merged in: the version a writer made from `base`
    /// while another writer's change, made meanwhile, was kept first.
    ///
    /// Whatever only one of the two changed is taken from that one: two note-takers filling
    /// different cells of one table at once both keep their cells, and caveats or dilemmas both
    /// added are all kept. Where both changed the same cell or field differently, `mine` (the later,
    /// in the host's order) stands, and what it replaced is returned, for its writer to be told.
    public func merging(_ mine: DivergenceTopic, from base: DivergenceTopic) -> (topic: DivergenceTopic, replaced: [String]) {
        var replaced: [String] = []
        func pick<Value: Equatable>(_ kept: Value, _ mine: Value, _ base: Value, _ name: @autoclosure () -> String,
                                    shown: (Value) -> String) -> Value {
            if mine == base { return kept }
            if kept != base && kept != mine { replaced.append("\(name()): ‘\(shown(kept))’") }
            return mine
        }
        func list(_ kept: [String], _ mine: [String], _ base: [String], _ name: String) -> [String] {
            // Both only added after what was there: all of it is kept, theirs first.
            if kept.starts(with: base), mine.starts(with: base) { return kept + mine.dropFirst(base.count) }
            return pick(kept, mine, base, name) { $0.joined(separator: "; ") }
        }
        var merged = mine
        merged.title = pick(title, mine.title, base.title, "the title") { $0 }
        merged.description = pick(description, mine.description, base.description, "the lead-in") { $0 }
        merged.rowHeader = pick(rowHeader, mine.rowHeader, base.rowHeader, "the row header") { $0 }
        merged.dilemmasLeadIn = pick(dilemmasLeadIn, mine.dilemmasLeadIn, base.dilemmasLeadIn, "the lead-in to the dilemmas") { $0 }
        merged.caveats = list(caveats, mine.caveats, base.caveats, "the caveats")
        if dilemmas.starts(with: base.dilemmas), mine.dilemmas.starts(with: base.dilemmas) {
            merged.dilemmas = dilemmas + mine.dilemmas.dropFirst(base.dilemmas.count)
        } else {
            merged.dilemmas = pick(dilemmas, mine.dilemmas, base.dilemmas, "the dilemmas") { $0.map(\.title).joined(separator: "; ") }
        }
        merged.perspectives = list(perspectives, mine.perspectives, base.perspectives, "the perspectives")
        merged.dimensions = list(dimensions, mine.dimensions, base.dimensions, "the dimensions")
        // The grid takes the shape the names now have; each cell is merged on its own.
        merged.cells = merged.dimensions.indices.map { row in
            merged.perspectives.indices.map { column in
                pick(cell(row: row, column: column), mine.cell(row: row, column: column), base.cell(row: row, column: column),
                     "the cell \(merged.dimensions[row].isEmpty ? "row \(row + 1)" : "‘\(merged.dimensions[row])’") × "
                        + (merged.perspectives[column].isEmpty ? "column \(column + 1)" : "‘\(merged.perspectives[column])’")) { $0 }
            }
        }
        return (merged, replaced)
    }
}
