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
    /// The session's next id when the draft was kept: a new point saved from it has this id or a
    /// later one. Nil in drafts written before it was kept.
    public var firstNewID: EntityID?

    public init(text: String, kind: PointKind, editing: EntityID? = nil, firstNewID: EntityID? = nil) {
        self.text = text
        self.kind = kind
        self.editing = editing
        self.firstNewID = firstNewID
    }

    /// Whether the change this draft became is already in `session`: the program stopped after
    /// the journal kept the point and before the draft was removed. Offering it back then would
    /// make the point twice.
    public func wasSaved(in session: Session) -> Bool {
        let typed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let editing {
            guard let point = session.points[editing] else { return false }
            return point.text == typed && point.kind == kind
        }
        guard let firstNewID else { return false }
        return session.points.elements.contains { $0.id >= firstNewID && $0.text == typed && $0.kind == kind }
    }
}

extension SessionFolder {
    public static let draftName = "draft.json"

    public var draft: URL { url.appendingPathComponent(Self.draftName) }

    /// The draft of one person in a shared session (`draft-NAME.json`); `draft.json` for the
    /// session's own writer (nil).
    public func draft(of writer: String?) -> URL {
        guard let writer else { return draft }
        // Letters and digits of any script, kept readable; anything else (a slash, a dot) becomes "-".
        let safe = String(writer.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
        return url.appendingPathComponent("draft-\(safe.prefix(64)).json")
    }

    /// Saves (or, with nil, removes) the draft atomically.
    public func saveDraft(_ draft: Draft?, of writer: String? = nil) throws(StoreError) {
        let file = self.draft(of: writer)
        guard let draft else {
            if unlink(file.path) != 0 && errno != ENOENT {
                throw .io(path: file.path, operation: "remove", errno: errno)
            }
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(draft) else { return }
        try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: file)
    }

    /// The draft left by the last live writer, if any. A damaged one is ignored rather than blocking
    /// the session; one that is a link or not a regular file is an error naming it, never followed.
    ///
    /// A draft whose point is already in `session` is removed rather than offered back.
    public func loadDraft(for session: Session, of writer: String? = nil) throws(StoreError) -> Draft? {
        guard let data = try AtomicFile.existingContent(of: self.draft(of: writer).path),
              let draft = try? JSONDecoder().decode(Draft.self, from: data) else { return nil }
        guard !draft.wasSaved(in: session) else {
            try saveDraft(nil, of: writer)
            return nil
        }
        return draft
    }
}
