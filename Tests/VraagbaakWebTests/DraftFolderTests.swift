import Foundation
import VraagbaakWeb
import WebServer
import XCTest

final class DraftFolderTests: XCTestCase {
    private var base = ""
    private var folder: DraftFolder!

    override func setUpWithError() throws {
        base = NSTemporaryDirectory() + "draft-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base + "/drafts", withIntermediateDirectories: true)
        try Data("aan: X\n".utf8).write(to: URL(fileURLWithPath: base + "/drafts/een.vraag"))
        try Data("niet voor ons".utf8).write(to: URL(fileURLWithPath: base + "/drafts/notities.txt"))
        try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: base + "/drafts/latin.vraag"))
        try Data("geheim".utf8).write(to: URL(fileURLWithPath: base + "/buiten.vraag"))
        try FileManager.default.createSymbolicLink(atPath: base + "/drafts/link.vraag", withDestinationPath: "../buiten.vraag")
        folder = try XCTUnwrap(DraftFolder(path: base + "/drafts"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: base)
    }

    private func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: base + "/drafts/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func testListsOnlyDraftsOfTheFolder() {
        XCTAssertEqual(folder.list().map(\.name), ["een.vraag", "latin.vraag"], "no .txt, no link leading out")
    }

    func testWriteNeedsTheVersionItBuildsOn() throws {
        let draft = try folder.read("een.vraag")
        XCTAssertEqual(draft.version, SHA1.hexDigest(Array("aan: X\n".utf8)))
        let second = try folder.write("een.vraag", text: "aan: Y\n", expectedVersion: draft.version)
        XCTAssertEqual(contents("een.vraag"), "aan: Y\n")
        // A second tab still at the first version is told, with the text it would overwrite.
        XCTAssertThrowsError(try folder.write("een.vraag", text: "aan: Z\n", expectedVersion: draft.version)) { error in
            guard case DraftFolder.Failure.conflict(let current) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(current.text, "aan: Y\n")
            XCTAssertEqual(current.version, second)
        }
        XCTAssertEqual(contents("een.vraag"), "aan: Y\n", "nothing overwritten")
        // Another program changing the file counts too.
        try Data("anders".utf8).write(to: URL(fileURLWithPath: base + "/drafts/een.vraag"))
        XCTAssertThrowsError(try folder.write("een.vraag", text: "x", expectedVersion: second))
    }

    func testWriteIsAtomicAndLeavesNoTemporaryFiles() throws {
        let draft = try folder.read("een.vraag")
        chmod(base + "/drafts/een.vraag", 0o600)
        let inode = try inodeOf("een.vraag")
        _ = try folder.write("een.vraag", text: "nieuw\r\nmet CRLF\u{00A0}en NBSP", expectedVersion: draft.version)
        XCTAssertEqual(contents("een.vraag"), "nieuw\r\nmet CRLF\u{00A0}en NBSP", "bytes kept exactly")
        XCTAssertNotEqual(try inodeOf("een.vraag"), inode, "a new file renamed into place, not rewritten in place")
        let attributes = try FileManager.default.attributesOfItem(atPath: base + "/drafts/een.vraag")
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "permissions kept")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: base + "/drafts").filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testCreateNeverReplaces() throws {
        let created = try folder.create("twee.vraag", text: "sjabloon")
        XCTAssertEqual(contents("twee.vraag"), "sjabloon")
        XCTAssertEqual(created.version, SHA1.hexDigest(Array("sjabloon".utf8)))
        XCTAssertThrowsError(try folder.create("een.vraag", text: "weg ermee")) { error in
            XCTAssertEqual(error as? DraftFolder.Failure, .exists)
        }
        XCTAssertEqual(contents("een.vraag"), "aan: X\n")
    }

    func testNamesThatLeaveTheFolderOrAreNotDraftsAreRefused() {
        for name in ["../buiten.vraag", "sub/een.vraag", ".verborgen.vraag", ".vraag", "een.txt", "een", "..", "",
                     "a\u{0}.vraag", "a\nb.vraag", "C:\\x.vraag", String(repeating: "a", count: 300) + ".vraag"] {
            XCTAssertFalse(DraftFolder.isValidName(name), name.debugDescription)
            XCTAssertThrowsError(try folder.read(name), name.debugDescription)
            XCTAssertThrowsError(try folder.create(name, text: "x"), name.debugDescription)
        }
        XCTAssertThrowsError(try folder.read("link.vraag"), "a link to a file outside") { error in
            XCTAssertEqual(error as? DraftFolder.Failure, .notFound)
        }
        XCTAssertThrowsError(try folder.read("latin.vraag"), "not UTF-8: not opened, so never saved back lossy") { error in
            XCTAssertEqual(error as? DraftFolder.Failure, .notUTF8)
        }
    }

    private func inodeOf(_ name: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: base + "/drafts/" + name)
        return try XCTUnwrap((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }
}
