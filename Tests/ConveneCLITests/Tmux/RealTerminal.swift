import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Convene as a person meets it: the real binary, in tmux, one test at a time (the suites inside
/// run one after another, so no two drive a terminal at once).
@Suite("The live screen in a real terminal", .serialized, .enabled(if: Tmux.available || ProcessInfo.processInfo.environment["CI"] == "true"))
enum RealTerminal {
    /// A new session, run live in tmux once its screen is up.
    static func start(_ convene: ConveneProcess, template: String = "roundtable", title: String = "Learning and accountability") throws -> (String, Tmux) {
        let folder = try convene.newSessionFolder(template: template, title: title)
        let tmux = try Tmux.convene(["run", folder], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE")
        return (folder, tmux)
    }

    /// The notes the session has written.
    static func notes(_ folder: String) throws -> String {
        try String(contentsOfFile: folder + "/notes.md", encoding: .utf8)
    }
}
