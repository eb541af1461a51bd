/// Position markers in a test text, as rust-analyzer's fixtures have them: `‸` (or
/// any other marker character) where the cursor is, taken out of the text.
public struct MarkedText: Sendable {
    /// The text without its markers.
    public let text: String
    /// UTF-8 offsets in `text`, per marker, in order.
    public let offsets: [Character: [Int]]

    public struct MarkerError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Takes the `markers` out of `marked`. Throws when one of them does not occur:
    /// a misspelt marker fails the test instead of pointing at nothing.
    public init(_ marked: String, markers: Set<Character> = ["‸"]) throws {
        var text = ""
        var offsets: [Character: [Int]] = [:]
        for character in marked {
            if markers.contains(character) {
                offsets[character, default: []].append(text.utf8.count)
            } else {
                text.append(character)
            }
        }
        for marker in markers where offsets[marker] == nil {
            throw MarkerError(description: "marker \(marker) does not occur in: \(marked)")
        }
        self.text = text
        self.offsets = offsets
    }

    /// The one offset of `marker`; throws when it occurs more than once.
    public func offset(_ marker: Character = "‸") throws -> Int {
        guard let found = offsets[marker], found.count == 1 else {
            throw MarkerError(description: "marker \(marker) occurs \(offsets[marker]?.count ?? 0) times, not once")
        }
        return found[0]
    }
}
