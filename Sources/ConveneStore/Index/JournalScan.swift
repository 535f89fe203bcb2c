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

    /// What one look at a sessions folder found.
    struct Scan {
        var journals: [Journal]
        /// Folders that may hold a session but cannot be read, each said with why.
        var skipped: [String]
        /// Whether each journal was looked at (`signatures`), or its folder only listed
        /// (`folders`): then it may hold none, and its signature is empty.
        var looked = true
    }

    /// Folders holding a journal, hidden ones left out (a session being created is hidden until
    /// it is whole; the index itself is hidden). The journals are looked at on every core: on a
    /// large archive this is most of what an up-to-date `list` or `search` does. A folder whose
    /// name is not UTF-8, or whose journal cannot be looked at (no permission), is skipped and said.
    static func signatures(in root: String) -> Scan {
        guard let directory = opendir(root) else { return Scan(journals: [], skipped: []) }
        defer { closedir(directory) }
        let (names, unnamed) = visibleNames(in: directory)
        var skipped = unnamed
        // Each journal is looked up from the folder already open, not from `/` down again.
        let folder = dirfd(directory)
        let looked = ParallelChunks.map(names.indices, minimumChunk: 128) { part in
            names[part].compactMap { name -> Result<Journal, Unreadable>? in
                switch signature(of: name + "/" + SessionFolder.journalName, in: folder) {
                case .success(let signature): .success(Journal(name: name, signature: signature))
                case .failure(let failure) where failure.errno == ENOENT || failure.errno == ENOTDIR: nil
                case .failure(let failure): .failure(Unreadable(name: name, errno: failure.errno))
                }
            }
        }
        var journals: [Journal] = []
        journals.reserveCapacity(looked.count)
        for result in looked {
            switch result {
            case .success(let journal): journals.append(journal)
            case .failure(let unreadable):
                skipped.append("skipped \(root)/\(VisibleText.of(unreadable.name)): \(String(cString: strerror(unreadable.errno)))")
            }
        }
        return Scan(journals: journals, skipped: skipped)
    }

    /// Every visible folder as a journal that may be there, without looking inside: one directory
    /// listing. Enough to see that an archive with no index is too large to index before a search
    /// answers, and for that search, which opens each journal anyway.
    static func folders(in root: String) -> Scan {
        guard let directory = opendir(root) else { return Scan(journals: [], skipped: []) }
        defer { closedir(directory) }
        let (names, skipped) = visibleNames(in: directory)
        return Scan(journals: names.map { Journal(name: $0, signature: "") }, skipped: skipped, looked: false)
    }

    struct Unreadable: Error {
        var name: String
        var errno: Int32
    }

    private static func visibleNames(in directory: OpaquePointer) -> (names: [String], skipped: [String]) {
        var names: [String] = []
        var skipped: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes.first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                skipped.append("skipped a folder whose name is not UTF-8 (‘\(VisibleText.of(String(decoding: bytes, as: UTF8.self)))’): "
                    + "rename it to read it")
                continue
            }
            names.append(name)
        }
        return (names, skipped)
    }

    /// Size, modification time to the nanosecond, and inode: an append changes the size, a copy
    /// synced in changes the inode or the time. Nil when there is no journal. A relative `path` is
    /// looked up from the open folder `folder`.
    static func signature(of path: String, in folder: Int32 = AT_FDCWD) -> Result<String, Unreadable> {
        var status = stat()
        guard fstatat(folder, path, &status, 0) == 0 else { return .failure(Unreadable(name: path, errno: errno)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(Unreadable(name: path, errno: ENOENT)) }
        return .success(signatureText(size: Int64(status.st_size), seconds: Int64(status.st_mtim.tv_sec),
                                      nanoseconds: Int64(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino)))
    }

    /// `size:seconds.nanoseconds:inode`, each in decimal, written digit by digit into one buffer:
    /// string interpolation spent more on these four numbers than the system did looking at the
    /// journal, a thousand times in every search and `list`.
    static func signatureText(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * 21) { buffer in
            var length = 0
            func put(_ value: Int64) {
                if value < 0 {
                    buffer[length] = UInt8(ascii: "-")
                    length += 1
                }
                put(value.magnitude)
            }
            func put(_ value: UInt64) {
                var digits = 1
                var rest = value / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                var remaining = value
                for place in (length..<length + digits).reversed() {
                    buffer[place] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                }
                length += digits
            }
            func put(_ separator: Unicode.Scalar) {
                buffer[length] = UInt8(ascii: separator)
                length += 1
            }
            put(size)
            put(":")
            put(seconds)
            put(".")
            put(nanoseconds)
            put(":")
            put(inode)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
    }
}
