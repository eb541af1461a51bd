/// A read-only array of fixed-width numbers: either built in memory, or read in
/// place from a mapped index cache. Reopening a 100,000-record corpus then copies
/// nothing: the columns point into the cache file, and the kernel pages them in.
///
/// Every element access is bounds-checked, mapped or not: a crafted cache must
/// trap, never read outside its file.
struct Column<Element: FixedWidthInteger & Sendable>: RandomAccessCollection, Sendable {
    private enum Storage: @unchecked Sendable {
        case owned([Element])
        /// `elements` lies inside `file`'s mapping, which lives as long as the column.
        /// Unchecked: the mapping is read-only, so sharing it between threads is safe.
        case mapped(MappedFile, UnsafeBufferPointer<Element>)
    }

    private let storage: Storage

    init(_ elements: [Element]) { storage = .owned(elements) }

    init(mapped elements: UnsafeBufferPointer<Element>, in file: MappedFile) {
        storage = .mapped(file, elements)
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .owned(let array): return array.count
        case .mapped(_, let elements): return elements.count
        }
    }

    subscript(position: Int) -> Element {
        switch storage {
        case .owned(let array):
            return array[position]
        case .mapped(_, let elements):
            // UnsafeBufferPointer checks bounds only in debug builds.
            precondition(position >= 0 && position < elements.count, "column index out of range")
            return elements[position]
        }
    }

    /// The elements as contiguous memory, for loops that must not pay a check per element.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        switch storage {
        case .owned(let array): return try array.withUnsafeBufferPointer(body)
        case .mapped(let file, let elements):
            return try withExtendedLifetime(file) { try body(elements) }
        }
    }
}

extension Column where Element == UInt8 {
    /// The UTF-8 text of `range` (invalid bytes repaired), decoded straight from the column.
    func string(_ range: Range<Int>) -> String {
        withUnsafeBufferPointer { bytes in
            precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "text range out of bounds")
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// Whether the bytes of `range` are a listed file's path bytes.
    func bytesEqual(_ range: Range<Int>, _ entry: CorpusFiles.Entry) -> Bool {
        guard let raw = entry.rawPath else { return bytesEqual(range, entry.path) }
        return withUnsafeBufferPointer { bytes in
            precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "text range out of bounds")
            return UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(raw)
        }
    }

    /// Whether the bytes of `range` equal `other`'s UTF-8.
    func bytesEqual(_ range: Range<Int>, _ other: String) -> Bool {
        withUnsafeBufferPointer { bytes in
            precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "text range out of bounds")
            var other = other
            return other.withUTF8 { UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual($0) }
        }
    }
}

extension Column {
    /// Whether every element is at least the one before it (offsets into another column).
    var isNondecreasing: Bool {
        withUnsafeBufferPointer { elements in
            elements.isEmpty || zip(elements, elements.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }
}
