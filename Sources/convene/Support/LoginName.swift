import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who runs the command, as the journal names the writer of a change (`by`) when nobody said
/// otherwise with `--as`: the account's login name.
enum LoginName {
    static var current: String {
        let environment = ProcessEnvironment.current
        for variable in ["USER", "LOGNAME"] {
            if let name = environment[variable]?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}
