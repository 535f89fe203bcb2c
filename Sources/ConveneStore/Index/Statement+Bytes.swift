import Foundation
import GRDB
import GRDBSQLite

extension Statement {
    /// The bytes of a text column of the row the statement is on, where SQLite holds them: good
    /// until the statement moves on.
    func text(column: Int32) -> UnsafeBufferPointer<UInt8> {
        // Text first, then its length in bytes: the order SQLite's manual asks for.
        guard let start = sqlite3_column_text(sqliteStatement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(sqliteStatement, column)))
    }

    /// Runs the statement with `arguments`, calling `row` on each row it gives while the statement
    /// is on it (read it with `text(column:)` or SQLite's column calls). SQLite's own calls: for
    /// thousands of small rows, GRDB's generic cursors cost more than SQLite's reading them.
    func forEachRow(_ arguments: StatementArguments = [], _ row: () throws -> Void) throws {
        try setArguments(arguments)
        defer { sqlite3_reset(sqliteStatement) }
        while true {
            switch sqlite3_step(sqliteStatement) {
            case SQLITE_ROW:
                try row()
            case SQLITE_DONE:
                return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes, compared with `memcmp`.
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let left = baseAddress, let right = other.baseAddress else { return true }
        return memcmp(left, right, count) == 0
    }
}

extension Array<UInt8> {
    /// Whether the array holds exactly `bytes`.
    func elementsEqual(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeBufferPointer { $0.sameBytes(as: bytes) }
    }
}
