import ArgumentParser
import Foundation

/// A text file a person named (e.g. notes received by email), read as UTF-8, with a message that
/// says which problem it has.
func readTextFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("\(path): cannot be read (does it exist?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("\(path): is not UTF-8 text")
    }
    return text
}
