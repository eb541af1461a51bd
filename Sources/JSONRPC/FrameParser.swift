/// Splits a byte stream into `Content-Length` framed message bodies.
///
/// Feed it whatever a read returned (half a header, three messages); take complete
/// frames out with `nextFrame()`. It never traps on bad input: a header it cannot use
/// becomes a `.malformed` frame and the parser resynchronises at the next
/// `Content-Length` header.
public struct FrameParser: Sendable {
    public enum Frame: Equatable, Sendable {
        /// A complete body, exactly `Content-Length` bytes.
        case body([UInt8])
        /// A header that could not be used; the bytes were dropped.
        case malformed(String)
    }

    /// Headers longer than this are not headers: drop them rather than buffer forever.
    public static let maximumHeaderLength = 16 * 1024
    public let maximumBodyLength: Int

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The body length of a header already parsed, while waiting for its body.
    private var pendingBodyLength: Int?
    /// After a bad header, bytes are skipped until the next `Content-Length`, also
    /// across reads: framing must not depend on how the stream was split.
    private var skippingToHeader = false

    public init(maximumBodyLength: Int = 512 * 1024 * 1024) {
        self.maximumBodyLength = maximumBodyLength
    }

    /// Bytes received but not yet returned as frames.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if readIndex > 0, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func nextFrame() -> Frame? {
        if let length = pendingBodyLength {
            guard buffer.count - readIndex >= length else { return nil }
            let body = Array(buffer[readIndex..<(readIndex + length)])
            readIndex += length
            pendingBodyLength = nil
            return .body(body)
        }
        if skippingToHeader {
            resynchronise()
            if skippingToHeader { return nil }
        }
        skipBlankLines()
        guard readIndex < buffer.count else { return nil }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - readIndex > Self.maximumHeaderLength {
                readIndex += 1 // step past this garbage so resync can look further on
                resynchronise()
                return .malformed("Header longer than \(Self.maximumHeaderLength) bytes without an empty line")
            }
            return nil
        }
        let headerStart = readIndex
        let header = buffer[readIndex..<headerEnd.headerEnd]
        readIndex = headerEnd.bodyStart
        switch Self.contentLength(in: header) {
        case .failure(let problem):
            // Look again from just after the bad header's start: a header glued to
            // garbage before it (`}Content-Length: 2`) is found, not dropped.
            if !problem.skipsWholeHeader { readIndex = headerStart + 1 }
            resynchronise()
            return .malformed(problem.message)
        case .success(let length):
            guard length <= maximumBodyLength else {
                resynchronise()
                return .malformed("Content-Length \(length) exceeds the limit of \(maximumBodyLength) bytes")
            }
            pendingBodyLength = length
            return nextFrame()
        }
    }

    // MARK: - Header parsing

    private struct HeaderProblem: Error {
        var message: String
        /// The header itself is whole (not garbage glued to a header): look for the
        /// next message after it, not inside it.
        var skipsWholeHeader = false
    }

    /// Skips CR and LF bytes between messages, which some clients send.
    private mutating func skipBlankLines() {
        while readIndex < buffer.count, buffer[readIndex] == 0x0D || buffer[readIndex] == 0x0A {
            readIndex += 1
        }
    }

    /// The end of the header lines and the start of the body: the first empty line,
    /// whether lines end in CRLF (as the spec says) or a bare LF.
    private func findHeaderEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var i = readIndex
        let limit = min(buffer.count, readIndex + Self.maximumHeaderLength + 4)
        while i < limit {
            if buffer[i] == 0x0A {
                var next = i + 1
                if next < buffer.count, buffer[next] == 0x0D { next += 1 }
                if next < buffer.count, buffer[next] == 0x0A { return (i, next + 1) }
                if next >= buffer.count { return nil }
            }
            i += 1
        }
        return nil
    }

    private static func contentLength(in header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        var length: Int?
        for rawLine in header.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: 0x3A) else {
                return .failure(HeaderProblem(message: "Header line without a colon: \(printable(line))"))
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
                .trimmingASCIISpaces().lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIISpaces()
            if name == "content-length" {
                guard let parsed = Int(value), parsed >= 0 else {
                    return .failure(HeaderProblem(message: "Content-Length is not a number: \(value)"))
                }
                // Two lengths that disagree: no way to tell where the body ends.
                if let length, length != parsed {
                    return .failure(HeaderProblem(message: "Conflicting Content-Length headers: \(length) and \(parsed)",
                                                  skipsWholeHeader: true))
                }
                length = parsed
            }
            // Content-Type and unknown headers are allowed and ignored.
        }
        guard let length else { return .failure(HeaderProblem(message: "Header without Content-Length")) }
        return .success(length)
    }

    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(80), as: UTF8.self)
    }

    /// Drops bytes up to the next `Content-Length` header, so one bad header does not
    /// swallow the messages after it. Frames follow each other without a line break,
    /// so the header is looked for anywhere, not only at a line start.
    /// Until a whole `Content-Length` is seen, `skippingToHeader` stays set, so the
    /// next read goes on skipping instead of taking its first bytes for a header.
    private mutating func resynchronise() {
        let needle = Array("content-length".utf8)
        var i = readIndex
        while i < buffer.count {
            // A partial match at the very end is kept: it may grow into a header.
            if Self.hasPrefixIgnoringCase(buffer, at: i, needle) {
                readIndex = i
                skippingToHeader = i + needle.count > buffer.count
                return
            }
            i += 1
        }
        readIndex = buffer.count
        skippingToHeader = true
    }

    private static func hasPrefixIgnoringCase(_ bytes: [UInt8], at start: Int, _ lowercaseNeedle: [UInt8]) -> Bool {
        guard start + lowercaseNeedle.count <= bytes.count else {
            // A shorter tail that matches so far may still grow into the header.
            var i = start
            var j = 0
            while i < bytes.count {
                if lowercased(bytes[i]) != lowercaseNeedle[j] { return false }
                i += 1
                j += 1
            }
            return true
        }
        for j in 0..<lowercaseNeedle.count where lowercased(bytes[start + j]) != lowercaseNeedle[j] {
            return false
        }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
