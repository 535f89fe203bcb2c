import ConveneCore
import Foundation

/// Finds and reads templates: the built-in ones shipped in `Templates/`, then the user's own in
/// `$XDG_CONFIG_HOME/convene/templates`, which add to them and override those of the same name.
public struct TemplateLibrary: Sendable {
    public static let notesTemplateName = "notes.mustache"
    public static let printStylesheetName = "briefing.css"

    /// Folders searched, lowest priority first.
    public var directories: [URL]

    public init(directories: [URL]) {
        self.directories = directories
    }

    /// The built-in templates plus the user's.
    public static func standard(location: SessionsLocation, environment: [String: String]) -> TemplateLibrary {
        var directories: [URL] = []
        if let builtIn = builtInDirectory(environment: environment) { directories.append(builtIn) }
        directories.append(location.userTemplates)
        return TemplateLibrary(directories: directories)
    }

    /// `$CONVENE_TEMPLATES`, else the first of `Templates/` or `share/convene/templates` found going up
    /// from the executable: the repository's own folder under `swift run` and `.build/release`, and
    /// `PREFIX/share/convene/templates` for an installed `PREFIX/bin/convene`.
    public static func builtInDirectory(environment: [String: String], executable: URL? = Bundle.main.executableURL) -> URL? {
        if let explicit = environment["CONVENE_TEMPLATES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        guard var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
        while folder.path != "/" {
            for candidate in ["Templates", "share/convene/templates"] {
                let url = folder.appendingPathComponent(candidate, isDirectory: true)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(notesTemplateName).path) {
                    return url
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Template name → file, the user's winning over the built-in.
    public func sessionTemplateFiles() -> [String: URL] {
        var files: [String: URL] = [:]
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let template = String(name.prefix(upTo: name.lastIndex(of: ".") ?? name.endIndex))
                files[template] = directory.appendingPathComponent(name)
            }
        }
        return files
    }

    public func sessionTemplate(named name: String) throws(StoreError) -> SessionTemplate {
        let files = sessionTemplateFiles()
        guard let file = files[name] else {
            throw .unknownTemplate(name: name, available: files.keys.sorted())
        }
        return try Self.read(file, name: name)
    }

    /// Every template, with the errors of those that cannot be read.
    public func sessionTemplates() -> (templates: [SessionTemplate], problems: [StoreError]) {
        var templates: [SessionTemplate] = []
        var problems: [StoreError] = []
        for (name, file) in sessionTemplateFiles().sorted(by: { $0.key < $1.key }) {
            do {
                templates.append(try Self.read(file, name: name))
            } catch {
                problems.append(error)
            }
        }
        return (templates, problems)
    }

    /// The notes renderer from the highest-priority `notes.mustache`.
    public func notesRenderer() throws(StoreError) -> NotesRenderer {
        let file = try highestPriority(Self.notesTemplateName)
        do {
            return try NotesRenderer(source: try Self.text(of: file), file: file.path)
        } catch {
            throw .invalidTemplate(error)
        }
    }

    /// The file the notes renderer is made from: notes written before it changed are not current.
    public func notesTemplateFile() throws(StoreError) -> URL {
        try highestPriority(Self.notesTemplateName)
    }

    /// The print stylesheet of exported records (HTML, PDF), from the highest-priority
    /// `briefing.css`: a user's own in their template folder wins over the built-in one.
    public func printStylesheet() throws(StoreError) -> String {
        let file = try highestPriority(Self.printStylesheetName)
        do {
            return try Self.text(of: file)
        } catch {
            throw .invalidTemplate(error)
        }
    }

    /// The file of this name in the folder of highest priority that has one.
    private func highestPriority(_ name: String) throws(StoreError) -> URL {
        guard let file = directories.reversed()
            .map({ $0.appendingPathComponent(name) })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) })
        else {
            let searched = directories.map(\.path).joined(separator: ", ")
            throw .invalidTemplate(TemplateError(
                file: name,
                problem: "not found in \(searched.isEmpty ? "any template folder" : searched); set CONVENE_TEMPLATES to the Templates folder"
            ))
        }
        return file
    }

    private static func read(_ file: URL, name: String) throws(StoreError) -> SessionTemplate {
        do {
            return try SessionTemplateParser.parse(try text(of: file), name: name, file: file.path)
        } catch {
            throw .invalidTemplate(error)
        }
    }

    private static func text(of file: URL) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TemplateError(file: file.path, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: file.path, problem: "is not UTF-8 text")
        }
        return text
    }
}
