import LSP
import SourceText

/// What was agreed at `initialize`: the column unit and what the client can take.
struct Session: Sendable {
    var columnUnit = ColumnUnit.utf16
    var clientName = "unknown client"
    var rootPath: String?
    var capabilities = ClientCapabilities()

    /// The client's preferred encoding among those it offers and we support; UTF-16
    /// when it offers none, as the spec requires.
    static func negotiateColumnUnit(_ offered: [PositionEncodingKind]?) -> ColumnUnit {
        for encoding in offered ?? [] {
            if let unit = ColumnUnit(encoding) { return unit }
        }
        return .utf16
    }
}
