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
    } catch let error as CSVParseError {
        let said = switch error {
        case .generic(let message), .quotation(let message): message
        }
        throw CommandFailure("\(path): is not readable as CSV: \(said.prefix(200))")
    } catch {
        throw CommandFailure("\(path): is not readable as CSV")
    }
    // The reader takes everything after a quote that is never closed as one field, in silence:
    // the people listed after it would be lost.
    if let line = CSVQuoting.unclosedQuote(in: content, delimiter: csv.delimiter.rawValue) {
        throw CommandFailure("""
            \(path):\(line): a quoted field opens here and is never closed, so the rest of the file would be read \
            as one name; nothing was imported. Close the quote (a quote inside a field is written twice: "")
            """)
    }
    guard !csv.header.isEmpty else { throw CommandFailure("\(path): is empty; a registration list needs a header row") }
    return RegistrationList(header: csv.header, rows: csv.rows)
}
