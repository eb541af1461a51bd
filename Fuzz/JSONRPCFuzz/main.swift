// libFuzzer harness: the JSON-RPC reader (FrameParser + MessageDecoder).
//
// The input is a byte stream as stdin would deliver it. It is parsed twice: in one
// read, and in reads of varying sizes (chosen from the input itself). Both must give
// the same frames: framing must not depend on how the kernel splits the stream.
// Every body goes through MessageDecoder, whose outcome must not depend on chance.
import Foundation
import JSONRPC

private enum FrameKind: Equatable { case body([UInt8]), malformed }

private func kinds(_ frame: FrameParser.Frame) -> FrameKind {
    switch frame {
    case .body(let body): return .body(body)
    case .malformed: return .malformed
    }
}

private func parseWhole(_ bytes: [UInt8]) -> [FrameKind] {
    var parser = FrameParser()
    parser.append(bytes)
    var frames: [FrameKind] = []
    while let frame = parser.nextFrame() { frames.append(kinds(frame)) }
    return frames
}

private func parseChunked(_ bytes: [UInt8]) -> [FrameKind] {
    var parser = FrameParser()
    var frames: [FrameKind] = []
    var offset = 0
    var step = 0
    while offset < bytes.count {
        // Chunk sizes 1...64 driven by the input bytes: deterministic per input.
        let size = 1 + Int(bytes[(step * 7) % bytes.count] & 0x3F)
        let end = min(bytes.count, offset + size)
        parser.append(bytes[offset..<end])
        while let frame = parser.nextFrame() { frames.append(kinds(frame)) }
        offset = end
        step += 1
    }
    return frames
}

private func show(_ frame: FrameKind) -> String {
    switch frame {
    case .malformed: return "malformed"
    case .body(let body): return "body \(body.count) bytes: " + String(decoding: body.prefix(60), as: UTF8.self)
    }
}

private func describe(_ outcome: MessageDecoder.Outcome) -> String {
    switch outcome {
    case .message(let message): return "message \(message.kind)"
    case .invalid(let error, let id): return "invalid \(error.code) \(String(describing: id))"
    case .ignored(let reason): return "ignored \(reason)"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let whole = parseWhole(bytes)
    let chunked = parseChunked(bytes)
    if whole != chunked {
        // A framing difference is a bug: abort so libFuzzer keeps the input.
        var report = "frames differ: whole \(whole.count), chunked \(chunked.count)\n"
        for (index, pair) in zip(whole, chunked).enumerated() where pair.0 != pair.1 {
            report += "first difference at frame \(index):\n  whole   \(show(pair.0))\n  chunked \(show(pair.1))\n"
            break
        }
        FileHandle.standardError.write(Data(report.utf8))
        abort()
    }
    for case .body(let body) in whole {
        let outcome = MessageDecoder.decode(body)
        let first = describe(outcome)
        if case .message(let message) = outcome {
            _ = message.method
            _ = message.id
            _ = try? message.decodeParams(JSONValue?.self)
        }
        let second = describe(MessageDecoder.decode(Data(body)))
        if first != second {
            FileHandle.standardError.write(Data("decoding differs: \(first) / \(second)\n".utf8))
            abort()
        }
    }
    // The body alone, as if framed correctly: reaches the decoder without a header.
    _ = MessageDecoder.decode(bytes)
    return 0
}
