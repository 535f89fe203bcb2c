import ArgumentParser
import Foundation

/// A text file a person named (e.g. notes received by email), read as UTF-8, with a message that
/// says which problem it has.
func readTextFile(_ path: String) throws -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw CommandFailure("\(path): no such file")
    }
    guard !isFolder.boolValue else { throw CommandFailure("\(path): is a folder; give the notes file in it") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("\(path): cannot be read (check its permissions)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw CommandFailure("\(path): is not UTF-8 text")
    }
    return text
}
