import Foundation

/// Messages for people go to standard error, so that standard output stays clean for scripts.
enum Output {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("convene: " + message + "\n").utf8))
    }
}
