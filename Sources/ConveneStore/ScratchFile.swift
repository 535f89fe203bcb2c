import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private temporary file for text handed to an external editor, read back and removed after.
public struct ScratchFile: Sendable {
    public let url: URL

    /// Creates the file holding `text` (readable by this user only).
    public init(text: String) throws(StoreError) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(UUID().uuidString).md")
        let fd = try POSIX.open(url.path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        defer { Glibc.close(fd) }
        do {
            try POSIX.writeAll(fd, Data(text.utf8), path: url.path)
        } catch {
            unlink(url.path) // no caller holds the file yet to remove it
            throw error
        }
    }

    /// The file's text now, without the final newline editors add.
    public func read() throws(StoreError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .io(path: url.path, operation: "read", errno: ENOENT)
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
