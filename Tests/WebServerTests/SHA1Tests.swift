import WebServer
import XCTest

final class SHA1Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA1.hexDigest(Array("".utf8)), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(SHA1.hexDigest(Array("abc".utf8)), "a9993e364706816aba3e25717850c26c9cd0d89d")
        // 56 bytes: the padding needs a second block.
        XCTAssertEqual(SHA1.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(SHA1.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)),
                       "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    func testBlockBoundaries() {
        // 55, 63, 64 and 65 bytes: the lengths where padding changes shape.
        XCTAssertEqual(SHA1.hexDigest([UInt8](repeating: 0x61, count: 55)), "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        XCTAssertEqual(SHA1.hexDigest([UInt8](repeating: 0x61, count: 64)), "0098ba824b5c16427bd7a1122a5a442a25ec644d")
        XCTAssertEqual(SHA1.hexDigest([UInt8](repeating: 0x61, count: 65)), "11655326c708d70319be2610e8a57d9a5b959d3b")
    }

    func testWebSocketAcceptFromRFC6455() {
        // RFC 6455 section 1.3.
        XCTAssertEqual(WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }
}
