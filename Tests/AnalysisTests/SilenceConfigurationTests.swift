@testable import Analysis
import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import XCTest

/// `silence` in vraagbaak.json: decoded per draft path, applied by the one checker
/// behind the editor and `vraagbaak lint`, written by `SilenceEntry`.
final class SilenceConfigurationTests: XCTestCase {
    private let draft = "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Hoeveel?\n\n3. Wanneer?\n"

    private func snapshot(path: String, configuration: Configuration) -> AnalysisSnapshot {
        AnalysisSnapshot(document: DocumentSnapshot(path: path, text: draft), corpus: CorpusLoader().load([]),
                         configuration: configuration, today: DutchDate(year: 2024, month: 6, day: 1)!)
    }

    func testDecodedRelativeToTheFileAndAppliedToThatDraftOnly() throws {
        let bytes = Array(draft.utf8)
        let numbering = try XCTUnwrap(snapshot(path: "/w/drafts/a.vraag", configuration: .default).findings().first { $0.code == .numbering })
        let fingerprint = Silence.fingerprint(of: numbering.range, in: bytes)
        let json = #"{"silence": {"drafts/a.vraag": [{"code": "numbering", "fingerprint": "\#(fingerprint)", "text": "3."}]}}"#
        let (layer, problems) = ConfigurationDecoder.decode(Data(json.utf8), from: .workspaceFile(path: "/w/vraagbaak.json"))
        XCTAssertEqual(problems, [])
        let configuration = Configuration(layers: [layer])
        XCTAssertEqual(configuration.silenced(forDocumentAt: "file:///w/drafts/a.vraag"), [Silence(code: .numbering, fingerprint: fingerprint)])
        XCTAssertEqual(snapshot(path: "file:///w/drafts/a.vraag", configuration: configuration).findings().map(\.code), [])
        XCTAssertEqual(snapshot(path: "/w/drafts/../drafts/a.vraag", configuration: configuration).findings().map(\.code), [])
        XCTAssertEqual(snapshot(path: "/w/drafts/b.vraag", configuration: configuration).findings().map(\.code), [.numbering])
        // A silenced finding is not fixed either.
        XCTAssertEqual(snapshot(path: "/w/drafts/a.vraag", configuration: configuration).fixAll(), draft)
        XCTAssertNotEqual(snapshot(path: "/w/drafts/b.vraag", configuration: configuration).fixAll(), draft)
    }

    func testProblemsAreReported() {
        let file = ConfigurationSource.workspaceFile(path: "/w/vraagbaak.json")
        func problems(_ json: String, from source: ConfigurationSource = .workspaceFile(path: "/w/vraagbaak.json")) -> [String] {
            ConfigurationDecoder.decode(Data(json.utf8), from: source).1.map(\.description)
        }
        XCTAssertEqual(problems(#"{"silence": []}"#), ["\(file): error: silence: must be an object of draft paths, not a list"])
        XCTAssertEqual(problems(#"{"silence": {"a.vraag": [{"code": "nope", "fingerprint": "1"}]}}"#),
                       ["\(file): warning: silence.a.vraag[0].code: unknown rule ignored: nope"])
        XCTAssertEqual(problems(#"{"silence": {"a.vraag": ["numbering"]}}"#).count, 1)
        XCTAssertEqual(problems(#"{"silence": {"a.vraag": []}}"#, from: .initializationOptions),
                       ["initializationOptions: warning: silence: is ignored here: silenced findings are kept in vraagbaak.json"])
    }

    func testSilenceEntryKeepsTheFileAndAddsOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-silence-entry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("vraagbaak.json").path
        try Data(#"{"corpus": ["vragen"], "pollInterval": 10, "seeds": false}"#.utf8).write(to: URL(fileURLWithPath: config))
        let silence = Silence(code: .numbering, fingerprint: "0123abcd")
        let draftPath = folder.appendingPathComponent("sub/a.vraag").path
        XCTAssertTrue(try SilenceEntry.add(silence, excerpt: "3.", draftPath: draftPath, to: config))
        XCTAssertFalse(try SilenceEntry.add(silence, excerpt: "3.", draftPath: draftPath, to: config), "added once")
        let (layer, problems) = ConfigurationFile.load(config, as: .workspaceFile(path: config))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(layer.corpusFolders, ["vragen"])
        XCTAssertEqual(layer.includeSeeds, false)
        XCTAssertEqual(layer.pollIntervalSeconds, 10)
        XCTAssertEqual(Configuration(layers: [layer]).silenced(forDocumentAt: draftPath), [silence])
        let written = try String(contentsOfFile: config, encoding: .utf8)
        XCTAssertTrue(written.contains("\"sub/a.vraag\""), written)
        // Created when missing.
        let fresh = folder.appendingPathComponent("other/vraagbaak.json").path
        try FileManager.default.createDirectory(atPath: (fresh as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        XCTAssertTrue(try SilenceEntry.add(silence, excerpt: "", draftPath: "/elsewhere/b.vraag", to: fresh))
        XCTAssertEqual(Configuration(layers: [ConfigurationFile.load(fresh, as: .workspaceFile(path: fresh)).0])
            .silenced(forDocumentAt: "/elsewhere/b.vraag"), [silence])
    }
}
