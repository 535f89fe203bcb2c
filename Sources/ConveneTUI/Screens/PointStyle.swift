import ConveneCore

/// How each kind of point is coloured on screen (it is tagged with its `shortName`).
extension PointKind {
    var style: Style {
        switch self {
        case .note: .muted
        case .agreement: Style(role: .success, bold: true)
        case .divergence: Style(role: .warning, bold: true)
        case .question: Style(role: .accent, bold: true)
        case .action: Style(role: .danger, bold: true)
        }
    }
}
