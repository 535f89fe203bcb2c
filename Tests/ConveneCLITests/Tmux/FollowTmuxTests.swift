import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("convene follow", .serialized)
struct FollowTests {
    @Test("follows a live session in another window as it commits, without taking the lock")
    func whileLive() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Learning")
        let live = try Tmux.convene(["run", folder], for: convene)
        try live.waitFor("CHATHAM HOUSE RULE")
        let follow = try Tmux.convene(["follow", folder], for: convene)
        try follow.waitFor("Not started yet.")
        try live.send("n")
        try follow.waitFor("Now: 1/8  Welcome, purpose and the rule", seconds: 5)
        try live.send("a")
        try live.type("Seen on the projector")
        try live.press("Enter", until: "✓ Saved")
        try follow.waitFor("Seen on the projector", seconds: 5)
        try live.send("q")
        try live.waitForExit()
        try follow.send("q")
        try follow.waitForExit()
    }

    @Test("picks up convene add when no live writer holds the session")
    func afterAdd() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(template: "seminar", title: "Seminar", date: "2019-03-18")
        let follow = try Tmux.convene(["follow", folder], for: convene)
        try follow.waitFor("No points yet.")
        let added = try convene.run(["add", folder, "point", "Added from a script"])
        #expect(added.status == 0)
        try follow.waitFor("Added from a script", seconds: 5)
        try follow.send("q")
        try follow.waitForExit()
    }
}
