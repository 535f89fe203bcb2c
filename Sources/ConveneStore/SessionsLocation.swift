import Foundation

/// Where sessions and user templates live, resolved from the environment once at start-up.
public struct SessionsLocation: Sendable {
    /// The folder holding one folder per session.
    public var sessions: URL
    /// The user's own templates, which add to and override the built-in ones.
    public var userTemplates: URL

    /// `$CONVENE_HOME`, else `$XDG_DATA_HOME/convene`, else `~/.local/share/convene`; `--dir` wins over all.
    public init(environment: [String: String], override: String? = nil) {
        let home = environment["HOME"].flatMap(Self.nonEmpty) ?? NSHomeDirectory()
        if let override = override.flatMap(Self.nonEmpty) {
            sessions = URL(fileURLWithPath: override, isDirectory: true)
        } else if let convene = environment["CONVENE_HOME"].flatMap(Self.nonEmpty) {
            sessions = URL(fileURLWithPath: convene, isDirectory: true)
        } else if let data = environment["XDG_DATA_HOME"].flatMap(Self.nonEmpty) {
            sessions = URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("convene", isDirectory: true)
        } else {
            sessions = URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".local/share/convene", isDirectory: true)
        }
        let config = environment["XDG_CONFIG_HOME"].flatMap(Self.nonEmpty)
            .map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        userTemplates = config.appendingPathComponent("convene/templates", isDirectory: true)
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }
}
