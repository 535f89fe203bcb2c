import ConveneCore
import Foundation
import SwiftCSV

/// A registration export read from disk: its header and rows. A UTF-8 byte-order mark (which
/// spreadsheets write) is left out; the delimiter is guessed among comma, semicolon and tab.
func readRegistrationList(_ path: String) throws -> RegistrationList {
    var content = try readTextFile(path)
    if content.hasPrefix("\u{FEFF}") { content.removeFirst() }
    let csv: CSV<Enumerated>
    do {
        csv = try CSV<Enumerated>(string: content, loadColumns: false)
    } catch {
        throw CommandFailure("\(path): is not readable as CSV (\(error))")
    }
    guard !csv.header.isEmpty else { throw CommandFailure("\(path): is empty; a registration list needs a header row") }
    return RegistrationList(header: csv.header, rows: csv.rows)
}
