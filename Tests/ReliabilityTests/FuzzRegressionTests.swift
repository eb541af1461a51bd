import Foundation
import JSONRPC
import QuestionModel
import SourceText
import TestSupport
import XCTest
@testable import Corpus

/// Every input a fuzz harness once failed on, kept under `Regressions/<harness>/`, run
/// through the same entry points and checked for the same properties as in the
/// harness (Fuzz/<harness>/main.swift). `ServerFuzz` inputs are replayed against the
/// built binary by `HostileInputTests` in EndToEndTests.
final class FuzzRegressionTests: XCTestCase {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Regressions")

    /// The inputs of one harness; a missing or empty folder fails the test instead of
    /// looping zero times.
    private func inputs(_ harness: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = Self.regressions.appendingPathComponent(harness)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        guard !names.isEmpty else { throw TestData.Missing(description: "no regression inputs in \(folder.path)") }
        return try names.sorted().map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    func testJSONRPCInputs() throws {
        for (name, bytes) in try inputs("JSONRPCFuzz") {
            XCTAssertEqual(Framing.whole(bytes), Framing.chunked(bytes), "\(name): framing depends on the reads")
            for case .body(let body) in Framing.whole(bytes) { _ = MessageDecoder.decode(body) }
        }
    }

    func testQuestionInputs() throws {
        for (name, bytes) in try inputs("QuestionFuzz") {
            let question = Question.parse(utf8: bytes)
            XCTAssertEqual(Question.parse(utf8: bytes), question, name)
            for range in [question.title?.range, question.introduction?.range, question.questionRange,
                          question.answer?.range, question.annex?.range].compactMap({ $0 })
                + question.numberedQuestions.map(\.range) + question.citations.map(\.range) + question.dates.map(\.range) {
                XCTAssertTrue(range.start >= 0 && range.end <= bytes.count, "\(name): \(range) outside the text")
            }
        }
    }

    func testCorpusInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-regressions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = IndexCache(folder: folder, applicationVersion: "test")
        let sources = [CorpusSource.folder(path: "/fuzz-corpus")]
        for (name, bytes) in try inputs("CorpusFuzz") {
            let text: String
            switch TextDecoding.decode(bytes) {
            case .binary: continue
            case .utf8(let decoded), .windows1252(let decoded): text = decoded
            }
            let corpus = CorpusLoader().load([.embedded(name: "fuzz.txt", text: text)], warnings: [], progress: { _ in })
            XCTAssertEqual(corpus.count, 1, name)
            _ = corpus.search(corpus.records.first?.title ?? "")
            try cache.save(corpus, for: sources)
            let (loaded, outcome) = cache.load(sources, manifest: corpus.manifest)
            XCTAssertEqual(outcome, .hit, name)
            XCTAssertEqual(loaded?.records, corpus.records, name)
        }
    }

    func testIndexCacheInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-regressions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = IndexCache(folder: folder, applicationVersion: "fuzz")
        let sources = [CorpusSource.folder(path: "/fuzz-corpus")]
        for (_, payload) in try inputs("IndexCacheFuzz") {
            try Data(CorruptCache.header(for: payload) + payload).write(to: cache.fileURL(for: sources))
            guard let corpus = cache.load(sources, manifest: []).0 else { continue }
            CorruptCache.useEverything(corpus)
        }
    }

    /// The harness's chunked reading finds what reading everything at once finds.
    func testFramingDoesNotDependOnHowTheStreamIsSplit() {
        let frame = { (body: String) in Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }
        let stream = frame("{\"a\":1}") + Array("garbage that is long enough to span reads".utf8)
            + frame("{\"id\":7}") + Array("Content-Length: 1\r\nContent-Lenxx".utf8) + frame("{}")
        let whole = Framing.whole(stream)
        for size in 1...40 {
            XCTAssertEqual(Framing.chunked(stream, size: size), whole, "reads of \(size) bytes")
        }
        XCTAssertTrue(whole.contains(.body(Array("{\"id\":7}".utf8))), "the frame after garbage is found")
    }
}

/// The reading strategies of the JSONRPCFuzz harness.
enum Framing {
    enum Frame: Equatable { case body([UInt8]), malformed }

    static func drain(_ parser: inout FrameParser, into frames: inout [Frame]) {
        while let frame = parser.nextFrame() {
            switch frame {
            case .body(let body): frames.append(.body(body))
            case .malformed: frames.append(.malformed)
            }
        }
    }

    static func whole(_ bytes: [UInt8]) -> [Frame] {
        var parser = FrameParser()
        var frames: [Frame] = []
        parser.append(bytes)
        drain(&parser, into: &frames)
        return frames
    }

    /// Reads of 1...64 bytes chosen from the input, as in the harness; or all of `size`.
    static func chunked(_ bytes: [UInt8], size fixed: Int? = nil) -> [Frame] {
        var parser = FrameParser()
        var frames: [Frame] = []
        var offset = 0
        var step = 0
        while offset < bytes.count {
            let size = fixed ?? 1 + Int(bytes[(step * 7) % bytes.count] & 0x3F)
            let end = min(bytes.count, offset + size)
            parser.append(bytes[offset..<end])
            drain(&parser, into: &frames)
            offset = end
            step += 1
        }
        return frames
    }
}
