import ConveneCore

/// What a sync did, for `convene sync` to say and the background sync to keep quiet about.
public struct SyncReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        case synced
        /// Nothing went out or came in: offline (the network, the remote's host) or refused by the
        /// remote. What was written here is committed and goes with the next sync.
        case notSynced(reason: String, offline: Bool)
        /// Something here must finish first: a session open for writing that the merge would
        /// change, or another sync of this folder.
        case waiting(reason: String)
    }

    /// A merge notice and the session it concerns (its folder's name).
    public struct SessionNotice: Sendable {
        public var session: String
        public var notice: MergeNotice
    }

    public var outcome: Outcome = .synced
    /// Sessions whose changes were committed here by this sync.
    public var committed: [String] = []
    /// Sessions changed by what came in.
    public var received: [String] = []
    /// Sessions open for writing here, whose newest changes wait for the next sync.
    public var heldBack: [String] = []
    /// A session created here under a name another machine had given its own session: renamed.
    public var renamed: [(from: String, to: String)] = []
    public var notices: [SessionNotice] = []
    /// Problems that did not stop the sync (notes that could not be rebuilt).
    public var warnings: [String] = []
}
