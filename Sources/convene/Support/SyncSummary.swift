import ConveneCore
import ConveneStore

/// What `convene sync` prints: what went out and came in, and in plain words what gave way where
/// two machines changed the same thing, with how to put it back.
struct SyncSummary {
    let report: SyncReport

    var lines: [String] {
        var lines: [String] = []
        for (from, to) in report.renamed {
            lines.append("renamed \(from) to \(to): another machine has a session of that name")
        }
        for notice in report.notices { lines.append(Self.describe(notice)) }
        for warning in report.warnings { lines.append("warning: \(warning)") }
        for name in report.heldBack { lines.append("\(name) is open for writing here; its newest changes go with the next sync") }
        switch report.outcome {
        case .synced:
            lines.append("synced: " + [Self.count(report.committed.count, "sent"), Self.count(report.received.count, "received")].joined(separator: ", "))
        case .notSynced(let reason, let offline):
            let committed = report.committed.isEmpty ? "" : "; what changed here is committed and goes with the next sync"
            lines.append((offline ? "not synced: offline (\(reason))" : "not synced: \(reason)") + committed)
        case .waiting(let reason):
            lines.append("not synced yet: \(reason)")
        }
        return lines
    }

    func print() throws {
        for line in lines { try Output.print(line) }
    }

    private static func count(_ number: Int, _ verb: String) -> String {
        "\(number) session\(number == 1 ? "" : "s") \(verb)"
    }

    static func describe(_ item: SyncReport.SessionNotice) -> String {
        let notice = item.notice
        let gaveWay = notice.gaveWayHere ? "yours" : "\(notice.gaveWayBy ?? "another writer")'s"
        switch notice.kind {
        case .replaced:
            let writers = notice.gaveWayHere || notice.keptHere
                ? "here and by \((notice.gaveWayHere ? notice.keptBy : notice.gaveWayBy) ?? "another writer") on another machine"
                : "by \(notice.gaveWayBy ?? "another writer") and by \(notice.keptBy ?? "another writer") on other machines"
            let kept = notice.keptHere ? "yours" : "\(notice.keptBy ?? "the other writer")'s"
            return "\(item.session): \(notice.place) was changed \(writers); kept \(kept), the later. "
                + "\(gaveWay.prefix(1).uppercased() + gaveWay.dropFirst()) is in the history (\(notice.parts.joined(separator: "; ")))"
                + (notice.event.map { "; to put it back: convene sync --put-back \($0) \(item.session)" } ?? "")
        case .setAside:
            return "\(item.session): a change of \(gaveWay) to \(notice.place) no longer applies (\(notice.parts.joined(separator: "; "))); "
                + "it is kept in the history, changing nothing" + (notice.event.map { " (change \($0))" } ?? "")
        }
    }
}
