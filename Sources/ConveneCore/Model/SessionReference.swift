/// Another session of the archive, named as a record names it: by the folder that links to it
/// (`../FOLDER/notes.md`), with its title and day so the link reads well and survives a rename.
public struct SessionReference: Codable, Sendable, Equatable, Hashable {
    /// The session's folder name in the sessions folder.
    public var folder: String
    public var title: String
    /// The day it was held, `YYYY-MM-DD`.
    public var date: String

    public init(folder: String, title: String, date: String) {
        self.folder = folder
        self.title = title
        self.date = date
    }

    /// The relative link from one session's notes to this one's.
    public var notesLink: String { "../\(folder)/notes.md" }
}

/// Where a carried action or question was first raised, kept on every copy a follow-up carries,
/// so the record says where it came from and a series can tell it is the same one.
public struct PointOrigin: Codable, Sendable, Equatable, Hashable {
    public var session: SessionReference
    /// The point's id in that session.
    public var point: EntityID

    public init(session: SessionReference, point: EntityID) {
        self.session = session
        self.point = point
    }
}

extension Session {
    /// How another session's record names this one, kept in the folder `folder`.
    public func reference(folder: String) -> SessionReference {
        SessionReference(folder: folder, title: details.title, date: details.date)
    }
}
