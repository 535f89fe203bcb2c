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
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .io(path: url.path, operation: "create", errno: EACCES)
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
