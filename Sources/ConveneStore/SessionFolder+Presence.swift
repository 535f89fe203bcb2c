import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SessionFolder {
    /// An empty file whose modification time says when a live screen was last open on the session:
    /// derived, never part of the record.
    public var presence: URL { url.appendingPathComponent(".presence") }

    /// Says a live screen is open at `date`. Best effort, and never through a link planted in the
    /// folder's place: a presence not kept only means a killed screen's clock stops earlier.
    public func markPresent(at date: Date) {
        let fd = Glibc.open(presence.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { Glibc.close(fd) }
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let time = timespec(tv_sec: Int(seconds), tv_nsec: Int((date.timeIntervalSince1970 - seconds) * 1e9))
        var times = [time, time]
        _ = futimens(fd, &times)
    }
}
