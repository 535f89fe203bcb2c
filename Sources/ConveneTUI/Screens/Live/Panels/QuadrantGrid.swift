import ConveneCore

/// Ebrahim's 2×2 as the live screen draws it: control over outcomes across, uncertainty about
/// cause and effect up, each context's number where its mean ratings put it (a click on a number
/// selects that context).
struct QuadrantGrid {
    var contexts: [ContextAssessment]
    var guide: [EbrahimQuadrant: QuadrantGuide]
    var selected: EntityID?

    func draw(into frame: inout Frame, in rect: Rect) {
        guard rect.height >= 7, rect.width >= 15 else { return }
        let (left, top, width) = (rect.x, rect.y, rect.width)
        let inner = (width: width - 2, height: rect.height - 3)
        let middle = frame.crossedBox(left: left, top: top, width: width, height: inner.height + 2)
        let half = inner.width / 2 - 1
        // Where each context's number goes, from its mean ratings.
        let markers: [(index: Int, row: Int, column: Int, context: ContextAssessment)] = contexts.enumerated().compactMap { index, context in
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { return nil }
            let column = left + 1 + Int(((control - 1) / 4 * Double(inner.width - 1)).rounded())
            let row = top + 1 + Int(((5 - uncertainty) / 4 * Double(inner.height - 1)).rounded())
            return (index, row, column, context)
        }
        // Each quadrant's label on up to two lines, wrapped on words ("Interim outcomes / and
        // influence"), around the numbers on its lines.
        func label(_ quadrant: EbrahimQuadrant, row: Int, column: Int, upwards: Bool) {
            let lines = WordWrap.lines(guide[quadrant]?.label ?? quadrant.axesName, width: half)
            var shown = Array(lines.prefix(2))
            if lines.count > 2, let last = shown.popLast() { shown.append(TextLayout.truncate(last + " " + lines[2], to: half)) }
            for (offset, line) in shown.enumerated() {
                let y = upwards ? row - (shown.count - 1) + offset : row + offset
                frame.putLabel(line, row: y, column: column, room: half, around: markers.filter { $0.row == y }.map(\.column), style: .muted)
            }
        }
        label(.highUncertaintyLowControl, row: top + 1, column: left + 1, upwards: false)
        label(.highUncertaintyHighControl, row: top + 1, column: middle.x + 1, upwards: false)
        label(.lowUncertaintyLowControl, row: top + inner.height, column: left + 1, upwards: true)
        label(.lowUncertaintyHighControl, row: top + inner.height, column: middle.x + 1, upwards: true)
        for marker in markers {
            let style: Style = marker.context.id == selected ? .selected : .heading
            frame.put(marker.index < 9 ? String(marker.index + 1) : "•", row: marker.row, column: marker.column, style: style)
            // The number selects its context when clicked, as the list beside does.
            frame.mark(Rect(x: marker.column, y: marker.row, width: 1, height: 1), .entry(marker.index))
        }
        frame.put("control over outcomes →", row: top + inner.height + 2, column: left + 1, style: .muted, limit: width - 1)
        frame.put("↑ uncertainty", row: top, column: left + 2, style: .muted, limit: width - 4)
    }
}
