import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The point being typed when the program stopped: kept beside the journal so a crash loses at most
/// the last couple of seconds of typing, and offered back when the session is reopened.
public struct Draft: Codable, Sendable, Equatable {
    public var text: String
    public var kind: PointKind
    /// Set when the draft edits an existing point.
    public var editing: EntityID?

    public init(text: String, kind: PointKind, editing: EntityID? = nil) {
        self.text = text
        self.kind = kind
        self.editing = editing
    }
}

extension SessionFolder {
    public static let draftName = "draft.json"

    public var draft: URL { url.appendingPathComponent(Self.draftName) }

    /// Saves (or, with nil, removes) the draft atomically.
    public func saveDraft(_ draft: Draft?) throws(StoreError) {
        guard let draft else {
            if unlink(self.draft.path) != 0 && errno != ENOENT {
                throw .io(path: self.draft.path, operation: "remove", errno: errno)
            }
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(draft) else { return }
        try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: self.draft)
    }

    /// The draft left by the last live writer, if any. A damaged one is ignored rather than blocking
    /// the session; one that is a link or not a regular file is an error naming it, never followed.
    public func loadDraft() throws(StoreError) -> Draft? {
        guard let data = try AtomicFile.existingContent(of: draft.path) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: data)
    }
}
