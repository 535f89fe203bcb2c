import ArgumentParser
import ConveneStore
import Foundation

/// What the shell offers at the Tab key (bash, zsh and fish, through the scripts `convene
/// --generate-completion-script` writes): the sessions of the folder the command line names
/// (`--dir`, else the default), the templates there are, Markdown and CSV files.
enum ShellCompletion {
    /// Session folder names starting with what is typed.
    static let sessions = CompletionKind.custom { words, _, typed in
        let location = SessionsLocation(environment: ProcessEnvironment.current, override: folder(in: words))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.sessions.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0.hasPrefix(typed) }.sorted(by: >)
    }

    /// Template names starting with what is typed.
    static let templates = CompletionKind.custom { words, _, typed in
        let environment = ProcessEnvironment.current
        let library = TemplateLibrary.standard(location: SessionsLocation(environment: environment, override: folder(in: words)),
                                               environment: environment)
        return library.sessionTemplateFiles().keys.filter { $0.hasPrefix(typed) }.sorted()
    }

    /// A session, or a Markdown file or folder on the path typed (`show`, `review`).
    static let sessionOrMarkdown = CompletionKind.custom { words, _, typed in
        let location = SessionsLocation(environment: ProcessEnvironment.current, override: folder(in: words))
        let sessions = ((try? FileManager.default.contentsOfDirectory(atPath: location.sessions.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasPrefix(typed) }
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []).compactMap { name -> String? in
            let path = directory + name
            guard !name.hasPrefix("."), path.hasPrefix(typed) else { return nil }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return path + "/" }
            return name.hasSuffix(".md") || name.hasSuffix(".markdown") ? path : nil
        }
        return sessions.sorted(by: >) + files.sorted()
    }

    /// The value given to `--dir` on the command line being completed.
    private static func folder(in words: [String]) -> String? {
        guard let index = words.firstIndex(of: "--dir"), words.indices.contains(index + 1) else {
            return words.first { $0.hasPrefix("--dir=") }.map { String($0.dropFirst("--dir=".count)) }
        }
        return words[index + 1]
    }
}
