import Foundation
import Testing
@testable import Winnow

/// The JSON writer's strings, numbers and whole articles: a lone string
/// or number prints the same compact, pretty and in pieces, reads back as
/// itself, and an article's compact JSON is its pretty JSON unindented.
@Suite struct JSONWriterTests {
    static func bothWriters(_ value: JSONValue) -> (bytes: String, scalars: String) {
        var pieces: [UInt8] = []
        value.write(chunkSize: 3) { pieces.append(contentsOf: $0) }
        #expect(pieces == value.serializedUTF8())
        return (String(decoding: value.serializedUTF8(), as: UTF8.self), value.serialized(pretty: true))
    }

    @Test(arguments: [
        "", "plain", "quote \" slash \\ tab \t nl \n cr \r", "\u{00}\u{01}\u{1F}\u{7F}", "line\u{2028}para\u{2029}end",
        "€ … “quoted” — \u{E2}", "\u{2027}\u{202A}\u{2080}", "emoji 👩‍👩‍👧 café naïve 日本語", "ends with \u{2028}",
        "\u{2029}", "\\\\\"\"",
    ])
    func stringsMatchTheScalarWriter(_ text: String) throws {
        let (bytes, scalars) = Self.bothWriters(.string(text))
        #expect(bytes == scalars)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes.utf8), options: .fragmentsAllowed) as? String == text)
    }

    /// Random strings over the characters that matter: every control
    /// character, the escapes, U+2028/9 and their UTF-8 neighbours.
    @Test func randomStringsMatchTheScalarWriter() {
        var random = SplitMix64(seed: 17)
        let pool: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar($0)! } + [
            "\"", "\\", "a", " ", "é", "€", "\u{2026}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{80}", "😀",
        ]
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<24, using: &random) { text.append(pool.randomElement(using: &random)!) }
            let (bytes, scalars) = Self.bothWriters(.string(String(text)))
            #expect(bytes == scalars, "\(String(text).debugDescription)")
        }
    }

    /// Long random strings (runs of plain text between the characters that
    /// matter) against the reference, whole and in pieces of 3 bytes.
    @Test func randomStringsMatchTheReferenceEscaping() {
        var random = SplitMix64(seed: 29)
        let special: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar($0)! } + [
            "\"", "\\", "\u{2026}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E2}", "\u{80}", "😀", "é",
        ]
        let plain: [Unicode.Scalar] = ["a", "Z", " ", "~", "\u{7F}", "é", "€", "日"]
        var escapes = 0
        for _ in 0..<1000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                for _ in 0..<Int.random(in: 0..<40, using: &random) { text.append(plain.randomElement(using: &random)!) }
                text.append(special.randomElement(using: &random)!)
            }
            let string = String(text)
            // The escaping as the spec states it, scalar by scalar (the
            // writer skips runs of plain bytes at the byte level).
            let expected = JSONValueTests.reference(.string(string), pretty: false)
            let (bytes, _) = Self.bothWriters(.string(string))
            #expect(bytes == expected, "\(string.debugDescription)")
            escapes += expected.filter { $0 == "\\" }.count
        }
        // The strings did hold escapes.
        #expect(escapes > 1000)
    }

    @Test(arguments: [0, 7, 9, 10, -1, -10, 123_456, Int.max, Int.min])
    func numbersMatch(_ value: Int) {
        let (bytes, scalars) = Self.bothWriters(.number(value))
        #expect(bytes == scalars && bytes == String(value))
    }

    /// A whole article compact, against its pretty form read back: the
    /// same values, keys in the same order.
    @Test func anArticleIsTheSameCompactAndPretty() throws {
        let fixture = try #require(Fixture.all().first { $0.name == "comments-drupal" })
        let article = try fixture.folder.cleaner(options: CleanerOptions(explain: true)).clean(
            bytes: [UInt8](Data(contentsOf: fixture.pageFile)), url: try fixture.pageURL())
        let compact = article.json.serialized()
        let pretty = article.json.serialized(pretty: true)
        // Outside strings the pretty writer adds only newlines and spaces,
        // which compact JSON has none of: without them, the compact text.
        var unindented = ""
        var inString = false
        var escaped = false
        for character in pretty {
            if inString {
                unindented.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if character == "\n" || character == " " { continue }
            if character == "\"" { inString = true }
            unindented.append(character)
        }
        #expect(unindented == compact)
    }
}
