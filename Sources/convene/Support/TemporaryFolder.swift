import Foundation

/// A private folder under `$TMPDIR`, made with `mkdtemp`, for files a helper program reads and
/// writes; its owner removes it.
struct TemporaryFolder {
    let url: URL

    init(prefix: String) throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix).XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw CommandFailure("could not make a temporary folder in \(FileManager.default.temporaryDirectory.path): \(String(cString: strerror(errno)))")
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    func write(_ text: String, to file: URL) throws {
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            throw CommandFailure("could not write \(file.path): \(error.localizedDescription)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
