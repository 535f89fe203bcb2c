import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The session folders of a sessions folder and what says whether each journal changed, read with
/// one directory listing and one `stat` per folder: what every `list` and `search` pays before it
/// can trust the index, so it must cost little more than `ls`.
enum JournalScan {
    struct Journal {
        var name: String
        var signature: String
    }

    /// Folders holding a journal, hidden ones left out (a session being created is hidden until
    /// it is whole; the index itself is hidden). The journals are looked at on every core: on a
    /// large archive this is most of what an up-to-date `list` or `search` does.
    static func signatures(in root: String) -> [Journal] {
        guard let directory = opendir(root) else { return [] }
        defer { closedir(directory) }
        let names = visibleNames(in: directory)
        // Each journal is looked up from the folder already open, not from `/` down again.
        let folder = dirfd(directory)
        return ParallelChunks.map(names.indices, minimumChunk: 128) { part in
            names[part].compactMap { name in
                signature(of: name + "/" + SessionFolder.journalName, in: folder).map { Journal(name: name, signature: $0) }
            }
        }
    }

    private static func visibleNames(in directory: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// Size, modification time to the nanosecond, and inode: an append changes the size, a copy
    /// synced in changes the inode or the time. Nil when there is no journal. A relative `path` is
    /// looked up from the open folder `folder`.
    static func signature(of path: String, in folder: Int32 = AT_FDCWD) -> String? {
        var status = stat()
        guard fstatat(folder, path, &status, 0) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ino)"
    }
}
