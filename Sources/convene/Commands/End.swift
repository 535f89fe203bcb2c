import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end",
        abstract: "End a session: the item under way ends and the session's end time is kept.",
        discussion: """
            As `n` on the last item does. An ended session can still be amended (points, headings, \
            attendees), but its times stay as they were: no clock runs and no item starts. \
            `convene undo` takes the ending back.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @OptionGroup var target: SessionArgument

    func run() throws {
        let folder = try target.folder(in: sessions)
        let ended = try editing(folder, options: sessions, wait: lock.duration) { writer -> Date? in
            if let end = writer.session.details.endedAt {
                Output.warn("\(folder.name) already ended at \(WallClock.text(end)); nothing changed")
                return nil
            }
            guard let event = writer.session.end(at: .nowToTheSecond) else { return nil }
            try writer.apply(event, at: .nowToTheSecond)
            return writer.session.details.endedAt
        }
        if let ended { try Output.print("ended \(folder.name) at \(WallClock.text(ended))") }
    }
}
