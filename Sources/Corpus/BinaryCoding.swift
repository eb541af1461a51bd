/// A little-endian binary writer for the index cache: varints for counts and small
/// numbers, length-prefixed UTF-8 for strings, and columns as raw memory aligned to
/// 8 bytes, so a reader can use them in place from a mapped file.
///
/// With a `sink`, the bytes go out in chunks as they are written, and large columns
/// straight from their own memory: a 200 MB cache is never held twice in memory.
struct BinaryWriter {
    static let columnAlignment = 8
    static let chunkSize = 1 << 20

    /// The bytes not yet handed to the sink (all of them without a sink).
    private(set) var bytes: [UInt8] = []
    private var flushedCount = 0
    private let sink: ((UnsafeRawBufferPointer) -> Void)?

    init(sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        self.sink = sink
    }

    /// Bytes written so far, flushed or not: the offset of the next one.
    var count: Int { flushedCount + bytes.count }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        flushIfFull()
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

    mutating func write(_ string: String) {
        write(string.utf8.count)
        bytes.append(contentsOf: string.utf8)
        flushIfFull()
    }

    /// Eight bytes, little-endian, at an aligned offset.
    mutating func writeFixed(_ value: UInt64) {
        align()
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Zero bytes up to the next multiple of `columnAlignment`.
    mutating func align() {
        while count % Self.columnAlignment != 0 { bytes.append(0) }
    }

    mutating func writeColumn<Element: FixedWidthInteger>(_ elements: [Element]) {
        write(elements.count)
        align()
        elements.withUnsafeBytes { writeRaw($0) }
    }

    mutating func writeColumn<Element>(_ column: Column<Element>) {
        write(column.count)
        align()
        column.withUnsafeBufferPointer { writeRaw(UnsafeRawBufferPointer($0)) }
    }

    /// Hands everything written so far to the sink.
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        flushedCount += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func writeRaw(_ raw: UnsafeRawBufferPointer) {
        if let sink, raw.count >= Self.chunkSize {
            flush()
            sink(raw)
            flushedCount += raw.count
        } else {
            bytes.append(contentsOf: raw)
            flushIfFull()
        }
    }

    private mutating func flushIfFull() {
        if bytes.count >= Self.chunkSize { flush() }
    }
}

/// Reads what `BinaryWriter` wrote, from a mapped file. Every read is bounds-checked:
/// a truncated or corrupt cache throws, it never traps.
struct BinaryReader {
    struct Corrupt: Error {}

    let file: MappedFile
    private(set) var offset: Int

    init(_ file: MappedFile, offset: Int = 0) {
        self.file = file
        self.offset = offset
    }

    private var bytes: UnsafeRawBufferPointer { file.bytes }
    var remaining: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }

    /// A count of items that take at least one byte each: more than the bytes left is corrupt.
    mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        return count
    }

    mutating func readString() throws -> String {
        // Compared with what is left, not added to the offset: a huge count must not overflow.
        let count = try readCount()
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readFixed() throws -> UInt64 {
        try align()
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func align() throws {
        let aligned = (offset + BinaryWriter.columnAlignment - 1) / BinaryWriter.columnAlignment
            * BinaryWriter.columnAlignment
        guard aligned <= bytes.count else { throw Corrupt() }
        offset = aligned
    }

    /// A column read in place: no copy, the column keeps the mapping alive.
    mutating func readColumn<Element: FixedWidthInteger & Sendable>(_ type: Element.Type) throws -> Column<Element> {
        let count = try readInt()
        try align()
        let size = MemoryLayout<Element>.stride
        guard count >= 0, count <= (bytes.count - offset) / size else { throw Corrupt() }
        defer { offset += count * size }
        guard count > 0, let base = bytes.baseAddress else { return Column([]) }
        // The mapping is page-aligned and the offset a multiple of 8, so the elements are aligned.
        let elements = (base + offset).bindMemory(to: Element.self, capacity: count)
        return Column(mapped: UnsafeBufferPointer(start: elements, count: count), in: file)
    }
}

/// A fast 64-bit checksum to detect a corrupt cache; not a security hash. FNV-1a
/// over 8-byte words in four independent lanes, so the multiplications overlap and
/// 200 MB take a few milliseconds. Fed in chunks of any size, it gives what one
/// call over all the bytes gives.
struct Checksum {
    private static let prime: UInt64 = 0x100000001b3
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0xcbf29ce484222325, 0x84222325cbf29ce4, 0x9ce484222325cbf2, 0x2325cbf29ce48422)
    /// The start of a 32-byte block that the next chunk completes.
    private var pending: [UInt8] = []

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        if !pending.isEmpty {
            let taken = min(32 - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(taken))
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(taken))
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { addBlocks($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count / 32 * 32
        addBlocks(UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        pending.append(contentsOf: rest.dropFirst(whole))
    }

    private mutating func addBlocks(_ bytes: UnsafeRawBufferPointer) {
        let prime = Self.prime
        for offset in stride(from: 0, to: bytes.count, by: 32) {
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
        }
    }

    var value: UInt64 {
        var hash = lanes.0
        for lane in [lanes.1, lanes.2, lanes.3] { hash = (hash ^ lane) &* Self.prime }
        for byte in pending { hash = (hash ^ UInt64(byte)) &* Self.prime }
        return hash
    }
}

func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var checksum = Checksum()
    checksum.add(bytes)
    return checksum.value
}
