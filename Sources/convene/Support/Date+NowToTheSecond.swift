import Foundation

extension Date {
    /// Now, to the whole second: what journals record, so that a session reloads exactly as it was.
    static var nowToTheSecond: Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
