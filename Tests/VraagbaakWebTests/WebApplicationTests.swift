import Foundation
import VraagbaakWeb
import WebServer
import XCTest

/// The routes, called directly (the guard in front of them is tested in WebServerTests).
final class WebApplicationTests: XCTestCase {
    private var base = ""
    private var application: WebApplication!

    override func setUpWithError() throws {
        base = NSTemporaryDirectory() + "web-application-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base + "/drafts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/cm/lib", withIntermediateDirectories: true)
        try Data("aan: X\n".utf8).write(to: URL(fileURLWithPath: base + "/drafts/een.vraag"))
        try Data("// cm".utf8).write(to: URL(fileURLWithPath: base + "/cm/lib/codemirror.js"))
        try Data("geheim".utf8).write(to: URL(fileURLWithPath: base + "/geheim.txt"))
        let drafts = try XCTUnwrap(DraftFolder(path: base + "/drafts"))
        let codeMirror = CodeMirrorAssets(folder: base + "/cm")
        application = try XCTUnwrap(WebApplication(drafts: drafts, codeMirror: codeMirror, corpusFolders: [], trace: nil))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: base)
    }

    private func call(_ method: String, _ target: String, body: String = "") -> HTTPResponse {
        var parser = HTTPRequestParser()
        parser.append(Array("\(method) \(target) HTTP/1.1\r\nHost: h\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        guard case .request(let request) = parser.next() else {
            XCTFail("request did not parse: \(target)")
            return .text(0, "")
        }
        guard case .response(let response) = application.handle(request) else {
            XCTFail("not a plain response: \(target)")
            return .text(0, "")
        }
        return response
    }

    private func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    func testPageCarriesTheTokenItWasOpenedWith() {
        let page = call("GET", "/?token=abc123")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(String(decoding: page.body, as: UTF8.self).contains("/app.js?token=abc123"))
        XCTAssertNotNil(page.headers["Content-Security-Policy"])
        XCTAssertEqual(call("GET", "/app.js").status, 200)
        XCTAssertEqual(call("GET", "/codemirror/lib/codemirror.js").status, 200)
    }

    func testTraversalIsRefused() {
        for target in ["/codemirror/../geheim.txt", "/codemirror/%2e%2e/geheim.txt", "/codemirror/lib/..%2F..%2Fgeheim.txt",
                       "/api/drafts/..%2Fgeheim.txt", "/api/drafts/%2e%2e", "/drafts/een.vraag", "/geheim.txt"] {
            let response = call("GET", target)
            XCTAssertTrue([400, 404].contains(response.status), "\(target): \(response.status)")
            XCTAssertFalse(String(decoding: response.body, as: UTF8.self).contains("geheim"), target)
        }
    }

    func testOpenSaveConflictAndCreate() throws {
        let opened = json(call("GET", "/api/drafts/een.vraag"))
        XCTAssertEqual(opened["text"] as? String, "aan: X\n")
        XCTAssertEqual(opened["uri"] as? String, URL(fileURLWithPath: base + "/drafts/een.vraag").standardizedFileURL.absoluteString
                        .replacingOccurrences(of: "/private/", with: "/"))
        let version = try XCTUnwrap(opened["version"] as? String)
        let saved = call("PUT", "/api/drafts/een.vraag?version=\(version)", body: "aan: Y\n")
        XCTAssertEqual(saved.status, 200)
        let stale = call("PUT", "/api/drafts/een.vraag?version=\(version)", body: "aan: Z\n")
        XCTAssertEqual(stale.status, 409)
        XCTAssertEqual(json(stale)["text"] as? String, "aan: Y\n")
        XCTAssertEqual(call("PUT", "/api/drafts/een.vraag", body: "x").status, 400, "no version")

        let created = call("POST", "/api/drafts", body: #"{"name":"nieuw"}"#)
        XCTAssertEqual(created.status, 201)
        XCTAssertEqual(json(created)["name"] as? String, "nieuw.vraag")
        XCTAssertTrue((json(created)["text"] as? String ?? "").contains("Onderwerp - Specificatie"))
        XCTAssertEqual(call("POST", "/api/drafts", body: #"{"name":"nieuw"}"#).status, 409)
        XCTAssertEqual(call("POST", "/api/drafts", body: #"{"name":"../uit"}"#).status, 400)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(call("GET", "/api/drafts").body)) as? [[String: Any]])
        XCTAssertEqual(list.compactMap { $0["name"] as? String }, ["een.vraag", "nieuw.vraag"])
    }

    func testSubmissionText() {
        let response = call("POST", "/api/submission", body: "aan: X\n\nOnderwerp - Iets\n\nInleiding die\ndoorloopt.\n\n1. Vraag?\n")
        XCTAssertEqual(json(response)["text"] as? String, "Onderwerp - Iets\n\nInleiding die doorloopt.\n\n1. Vraag?")
    }

    func testMissingCodeMirrorExplainsHowToInstallIt() {
        guard case .failure(let problem) = CodeMirrorAssets.locate(base + "/nergens") else { return XCTFail("found") }
        XCTAssertTrue(problem.description.contains("apt-get install libjs-codemirror"))
        XCTAssertTrue(problem.description.contains("lib/codemirror.js"))
    }
}
