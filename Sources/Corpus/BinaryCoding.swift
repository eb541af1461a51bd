import Foundation

/// A little-endian binary writer for the index cache: varints for counts and
/// small numbers, length-prefixed UTF-8 for strings, raw bytes for large arrays.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ string: String) {
        write(string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }

    mutating func write(_ string: String?) {
        write(string != nil)
        if let string { write(string) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// A plain array of fixed-size numbers, copied as raw memory.
    mutating func writeRaw<Element: FixedWidthInteger>(_ array: [Element]) {
        write(array.count)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a truncated or
/// corrupt cache throws, it never traps.
struct BinaryReader {
    struct Corrupt: Error {}

    /// Valid only inside the `withUnsafeBytes` call that made the reader.
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

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

    mutating func readBool() throws -> Bool {
        guard offset < bytes.count else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func readString() throws -> String {
        let count = try readInt()
        // Compared with what is left, not added to the offset: a huge count must not overflow.
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }

    mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }

    mutating func readRaw<Element: FixedWidthInteger>(_ type: Element.Type) throws -> [Element] {
        let count = try readInt()
        let size = MemoryLayout<Element>.stride
        guard count >= 0, count <= (bytes.count - offset) / max(1, size) else { throw Corrupt() }
        let byteCount = count * size
        let start = offset
        let result = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + byteCount)]))
            initialized = count
        }
        offset += byteCount
        return result
    }

    /// Reads a raw byte array and tells whether it equals `expected`, without copying it.
    mutating func readRawBytesEqual(_ expected: [UInt8]) throws -> Bool {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        defer { offset += count }
        guard count == expected.count else { return false }
        guard count > 0 else { return true }
        return expected.withUnsafeBytes { expected in
            memcmp(bytes.baseAddress! + offset, expected.baseAddress!, count) == 0
        }
    }
}

/// A fast 64-bit checksum (FNV-1a over 8-byte words) to detect a corrupt cache;
/// not a security hash.
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    let prime: UInt64 = 0x100000001b3
    let words = bytes.count / 8
    for index in 0..<words {
        hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* prime
    }
    for index in (words * 8)..<bytes.count {
        hash = (hash ^ UInt64(bytes[index])) &* prime
    }
    return hash
}
