import Foundation

/// Whether some process has a file open: how a sync tells git's lock left by a killed git (no
/// process has it open: removed) from one a running git holds (waited for). Git keeps its lock
/// file open from taking it to letting go; only the user's own processes can be looked into, and
/// only theirs work in their repository.
enum OpenFiles {
    static func isOpen(_ path: String) -> Bool {
        guard let processes = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for process in processes where process.first?.isNumber == true {
            let descriptors = "/proc/\(process)/fd"
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: descriptors) else { continue }
            for fd in fds where (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\(fd)")) == path {
                return true
            }
        }
        return false
    }
}
