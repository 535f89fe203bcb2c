import ConveneCore
import ConveneStore
import ConveneTUI

/// The rows `convene list` prints: the folder, the kind and the title in aligned columns, then
/// the counts. On a terminal every row fits its width, cut with "…" (a long folder name keeps
/// its start, the title gives way, then the counts go), never wrapped mid-word; into a pipe the
/// rows are whole, for grep and awk.
struct SessionTable {
    var summaries: [SessionSummary]

    func lines(width: Int?) -> [String] {
        let folders = summaries.map { VisibleText.of($0.folder) }
        // On a terminal a long folder name keeps its start (the date, the first words: what a
        // command takes to name it) and gives up the rest for the title.
        let widest = folders.map { DisplayWidth.of($0) }.max() ?? 0
        let folderWidth = width.map { min(widest, max(16, $0 * 2 / 5)) } ?? widest
        let kindWidth = summaries.map { DisplayWidth.of($0.kind) }.max() ?? 0
        return summaries.indices.map { index in
            let summary = summaries[index]
            let folder = TextLayout.pad(TextLayout.truncate(folders[index], to: folderWidth), to: folderWidth)
            let lead = folder + "  " + TextLayout.pad(summary.kind, to: kindWidth) + "  "
            let title = summary.title + (summary.chathamHouse ? " [Chatham House]" : "") + (summary.ended ? " [ended]" : "")
            let counts = [Counted.phrase(summary.attendees, "attendee"), Counted.phrase(summary.points, "point"),
                          Counted.phrase(summary.topics, "topic"), Counted.phrase(summary.contexts, "context")].joined(separator: ", ")
            guard let width else { return lead + title + "  " + counts }
            let room = width - DisplayWidth.of(lead)
            // The counts stay while the title keeps at least 20 columns; past that they go first.
            if room - DisplayWidth.of(counts) - 2 >= min(20, DisplayWidth.of(title)) {
                let titleRoom = room - DisplayWidth.of(counts) - 2
                return lead + TextLayout.pad(TextLayout.truncate(title, to: titleRoom), to: titleRoom) + "  " + counts
            }
            return TextLayout.truncate(lead + title, to: width)
        }
    }
}
