import ConveneCore
import ConveneTUI
import Foundation
import TOMLKit

/// The user's settings, `$XDG_CONFIG_HOME/convene/config.toml` (else `~/.config/convene/config.toml`):
/// alerts, colour, the default template and export format, and the live screen's keys. A missing
/// file is no settings; a file with a mistake (a misspelt key, a value of the wrong kind, a key
/// that would do two things) is an error naming the file, the setting and what is allowed.
///
///     [alerts]
///     before = 2          # minutes before an item's end; 0: at the end only
///     bell = true
///     flash = true
///
///     [new]
///     template = "peer-learning"
///
///     [export]
///     format = "csv"      # md or csv
///
///     [colour]
///     enabled = false     # as NO_COLOR
///     accent = "blue"     # a role: accent, muted, warning, danger, success, badge, selection;
///     danger = 196        # a colour: default, black, red, green, yellow, blue, magenta, cyan,
///                         # white, or a number from 0 to 255
///
///     [keys]              # the live screen: action = "key"
///     agenda = "O"
///
///     [sync]
///     auto = true         # sync the sessions folder in the background (see `convene sync`)
struct Configuration {
    var alerts = OverrunAlerts.Settings()
    var template: String?
    var exportFormat: Export.Format?
    var colour = true
    var palette = Palette.standard
    /// Every screen's keys, with the live actions the `[keys]` table gives other keys. The standard
    /// map is made only when a screen asks for it: making it is half of loading the settings, and
    /// a command that prints (`list`, `add`, `search`) loads them too, for `[sync]`.
    var keys: KeyMap {
        get { remappedKeys ?? .standard }
        set { remappedKeys = newValue }
    }
    private var remappedKeys: KeyMap?
    /// Sync in the background after a live session closes and before the archive is shown.
    var autoSync = false

    /// Where the file is looked for.
    static func url(environment: [String: String]) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return URL(fileURLWithPath: config).appendingPathComponent("convene/config.toml")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/convene/config.toml")
    }

    /// The settings in the user's file, or the defaults when there is none.
    static func load(environment: [String: String]) throws -> Configuration {
        let url = url(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else { return Configuration() }
        return try parse(try readTextFile(url.path), path: url.path)
    }

    static func parse(_ text: String, path: String) throws -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CommandFailure("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        var settings = Configuration()
        let reader = Reader(path: path)
        try reader.only(["alerts", "new", "export", "colour", "keys", "sync"], in: table, section: nil)
        if let alerts = try reader.table("alerts", in: table) {
            try reader.only(["before", "bell", "flash"], in: alerts, section: "alerts")
            if let before = try reader.number("before", in: alerts, section: "alerts") {
                guard (0...1_440).contains(before) else { throw reader.failure("alerts.before", "is \(before); give 0 to 1440 minutes") }
                settings.alerts.warnBefore = before * 60
            }
            settings.alerts.bell = try reader.bool("bell", in: alerts, section: "alerts") ?? true
            settings.alerts.flash = try reader.bool("flash", in: alerts, section: "alerts") ?? true
        }
        if let new = try reader.table("new", in: table) {
            try reader.only(["template"], in: new, section: "new")
            settings.template = try reader.string("template", in: new, section: "new")
        }
        if let export = try reader.table("export", in: table) {
            try reader.only(["format"], in: export, section: "export")
            if let format = try reader.string("format", in: export, section: "export") {
                guard let known = Export.Format(rawValue: format) else {
                    throw reader.failure("export.format", "is ‘\(format)’; give one of \(Export.Format.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.exportFormat = known
            }
        }
        if let colour = try reader.table("colour", in: table) {
            let roles = Dictionary(uniqueKeysWithValues: Style.Role.allCases.map { (Palette.name(of: $0), $0) })
            try reader.only(["enabled"] + roles.keys.sorted(), in: colour, section: "colour")
            settings.colour = try reader.bool("enabled", in: colour, section: "colour") ?? true
            for (name, role) in roles {
                guard let value = colour[name] else { continue }
                let written = value.string ?? value.int.map(String.init) ?? "\(value)"
                guard let chosen = Palette.colour(named: written) else {
                    throw reader.failure("colour.\(name)", """
                        is ‘\(written)’; give a colour: \(Palette.names.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", ")), \
                        or a number from 0 to 255
                        """)
                }
                settings.palette[role] = chosen
            }
        }
        if let sync = try reader.table("sync", in: table) {
            try reader.only(["auto"], in: sync, section: "sync")
            settings.autoSync = try reader.bool("auto", in: sync, section: "sync") ?? false
        }
        if let keys = try reader.table("keys", in: table) {
            let actions = Dictionary(uniqueKeysWithValues: LiveAction.allCases.map { ($0.configName, $0) })
            try reader.only(actions.keys.sorted(), in: keys, section: "keys")
            var remapped: [LiveAction: Key] = [:]
            for (name, action) in actions {
                guard let text = try reader.string(name, in: keys, section: "keys") else { continue }
                guard text.count == 1, let character = text.first, !character.isWhitespace, character.isASCII || character.isLetter else {
                    throw reader.failure("keys.\(name)", "is ‘\(text)’; give one character, such as \"O\"")
                }
                remapped[action] = .character(character)
            }
            do {
                settings.keys = try KeyMap(remapping: remapped)
            } catch {
                throw reader.failure("[keys]", "\(error)")
            }
        }
        return settings
    }

    /// Reads values out of tables, with errors that name the setting.
    private struct Reader {
        let path: String

        func failure(_ setting: String, _ problem: String) -> CommandFailure {
            CommandFailure("\(path): \(setting) \(problem)")
        }

        func only(_ allowed: [String], in table: TOMLTable, section: String?) throws {
            for key in table.keys where !allowed.contains(key) {
                let name = section.map { "\($0).\(key)" } ?? "[\(key)]"
                throw failure(name, "is not a setting; \(section.map { "[\($0)]" } ?? "the file") takes \(allowed.joined(separator: ", "))")
            }
        }

        func table(_ key: String, in table: TOMLTable) throws -> TOMLTable? {
            guard let value = table[key] else { return nil }
            guard let inner = value.table else { throw failure("[\(key)]", "is not a table; write it as [\(key)]") }
            return inner
        }

        func bool(_ key: String, in table: TOMLTable, section: String) throws -> Bool? {
            guard let value = table[key] else { return nil }
            guard let bool = value.bool else { throw failure("\(section).\(key)", "is not true or false") }
            return bool
        }

        func number(_ key: String, in table: TOMLTable, section: String) throws -> Double? {
            guard let value = table[key] else { return nil }
            if let int = value.int { return Double(int) }
            guard let double = value.double else { throw failure("\(section).\(key)", "is not a number") }
            return double
        }

        func string(_ key: String, in table: TOMLTable, section: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string else { throw failure("\(section).\(key)", "is not a text in quotes") }
            return string
        }
    }
}
