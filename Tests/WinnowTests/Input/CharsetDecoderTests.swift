import Foundation
import Testing
@testable import Winnow

@Suite struct CharsetDecoderTests {
    // Legacy-encoded samples, made once with Python's codecs.
    /// "Привет, мир" in windows-1251.
    static let windows1251Greeting: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]
    /// "Привет, мир" in KOI8-R.
    static let koi8RGreeting: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2]
    /// "日本語のテキスト" in Shift_JIS.
    static let shiftJISText: [UInt8] = [
        0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67,
    ]
    /// "中文文本" in GBK.
    static let gbkText: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xCE, 0xC4, 0xB1, 0xBE]
    /// "日本語" in ISO-2022-JP.
    static let iso2022JPText: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42]

    /// A page declaring `charset` (if any) whose paragraph is `text`.
    static func page(charset: String?, _ text: [UInt8]) -> [UInt8] {
        let meta = charset.map { "<meta charset=\"\($0)\">" } ?? ""
        return Array("<html><head>\(meta)<title>t</title></head><body><p>".utf8) + text + Array("</p></body></html>".utf8)
    }

    static func text(_ decoded: DecodedPage) -> String {
        String(decoding: decoded.utf8, as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    // MARK: - Byte-order marks

    @Test func utf8ByteOrderMarkIsStripped() {
        let decoded = CharsetDecoder.decode([0xEF, 0xBB, 0xBF] + Array("<p>café</p>".utf8), declared: "windows-1251")
        #expect(Self.text(decoded) == "<p>café</p>")
        #expect(decoded.signal == .byteOrderMark)
        #expect(decoded.charset == "UTF-8")
    }

    @Test func utf16LittleEndianByteOrderMark() {
        let text = "<p>Grüße, Привет</p>"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = CharsetDecoder.decode(bytes)
        #expect(Self.text(decoded) == text)
        #expect(decoded.charset == "UTF-16LE")
        #expect(decoded.signal == .byteOrderMark)
    }

    @Test func utf16BigEndianByteOrderMark() {
        let text = "<p>日本語</p>"
        let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoded = CharsetDecoder.decode(bytes)
        #expect(Self.text(decoded) == text)
        #expect(decoded.charset == "UTF-16BE")
    }

    @Test func utf16LoneSurrogateBecomesReplacementAndDecodingGoesOn() {
        let units: [UInt16] = Array("<p>a".utf16) + [0xD800] + Array("b</p>".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = CharsetDecoder.decode(bytes)
        #expect(Self.text(decoded).hasPrefix("<p>a"))
        #expect(Self.text(decoded).hasSuffix("b</p>"))
        #expect(decoded.replacedBytes >= 1)
    }

    // MARK: - The bytes against the declaration

    @Test func utf8BytesDeclaredLatin1AreUTF8() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "iso-8859-1", Array("Café – ‘quoted’".utf8)))
        #expect(Self.text(decoded).contains("<p>Café – ‘quoted’</p>"))
        #expect(decoded.charset == "UTF-8")
        #expect(decoded.signal == .bytes)
        #expect(decoded.declaredCharset == "iso-8859-1")
    }

    @Test func utf8BytesDeclaredGB2312AreUTF8() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "gb2312", Array("中文文本，腾讯新闻".utf8)))
        #expect(Self.text(decoded).contains("中文文本，腾讯新闻"))
        #expect(decoded.signal == .bytes)
    }

    @Test func utf8BytesWithCallerCharsetLatin1AreUTF8() {
        let decoded = CharsetDecoder.decode(Self.page(charset: nil, Array("naïve".utf8)), declared: "ISO-8859-1")
        #expect(Self.text(decoded).contains("naïve"))
        #expect(decoded.signal == .bytes)
    }

    @Test func windows1252BytesDeclaredLatin1() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "ISO-8859-1", [0x61, 0x96, 0x62, 0x20, 0x64, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xE9]))
        #expect(Self.text(decoded).contains("<p>a–b d’s café</p>"))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.signal == .declaration)
    }

    @Test func strayWindows1252ByteInDeclaredUTF8IsRepaired() {
        let text = Array("Motion".utf8) + [0x92] + Array("s — café".utf8)
        let decoded = CharsetDecoder.decode(Self.page(charset: "utf-8", text))
        #expect(Self.text(decoded).contains("<p>Motion’s — café</p>"))
        #expect(decoded.charset == "UTF-8")
        #expect(decoded.signal == .declaration)
        #expect(decoded.replacedBytes == 1)
    }

    @Test func utf8WithStraysAndNoDeclarationIsRepairedUTF8() {
        let text = Array("Grüße — ".utf8) + [0x93] + Array("hi".utf8) + [0x94]
        let decoded = CharsetDecoder.decode(Self.page(charset: nil, text))
        #expect(Self.text(decoded).contains("Grüße — “hi”"))
        #expect(decoded.signal == .bytes)
    }

    @Test func callerUTF8DisprovedByBytesYieldsToPageDeclaration() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "windows-1251", Self.windows1251Greeting), declared: "utf-8")
        #expect(Self.text(decoded).contains("Привет, мир"))
        #expect(decoded.signal == .declaration)
    }

    @Test func callerCharsetBeatsPageDeclaration() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "windows-1251", Self.koi8RGreeting), declared: "koi8-r")
        #expect(Self.text(decoded).contains("Привет, мир"))
        #expect(decoded.signal == .transport)
    }

    @Test func callerDefaultWindows1252YieldsToPageDeclaration() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "windows-1251", Self.windows1251Greeting), declared: "iso-8859-1")
        #expect(Self.text(decoded).contains("Привет, мир"))
        #expect(decoded.charset == "windows-1251")
    }

    // MARK: - Legacy encodings

    @Test func windows1251Cyrillic() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "windows-1251", Self.windows1251Greeting))
        #expect(Self.text(decoded).contains("<p>Привет, мир</p>"))
        #expect(decoded.charset == "windows-1251")
        #expect(decoded.signal == .declaration)
    }

    @Test func koi8RCyrillicFromHTTPEquiv() {
        let head = Array(#"<html><head><META HTTP-EQUIV='Content-Type' CONTENT="text/html; Charset=KOI8-R"></head><body><p>"#.utf8)
        let decoded = CharsetDecoder.decode(head + Self.koi8RGreeting + Array("</p>".utf8))
        #expect(Self.text(decoded).contains("<p>Привет, мир</p>"))
        #expect(decoded.charset == "KOI8-R")
    }

    @Test func shiftJISUnderAnAlias() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "x-sjis", Self.shiftJISText))
        #expect(Self.text(decoded).contains("<p>日本語のテキスト</p>"))
        #expect(decoded.charset == "Shift_JIS")
    }

    @Test func gbkDeclaredGB2312() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "gb2312", Self.gbkText))
        #expect(Self.text(decoded).contains("<p>中文文本</p>"))
        #expect(decoded.charset == "GBK")
    }

    @Test func iso2022JPIsToldByItsEscapes() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "iso-2022-jp", Self.iso2022JPText))
        #expect(Self.text(decoded).contains("<p>日本語</p>"))
    }

    @Test func invalidSequenceMidConversionIsReplacedAndTheRestKept() {
        // 0x80 is no Shift_JIS lead byte.
        let text = Self.shiftJISText + [0x80] + Array(" end".utf8) + Self.shiftJISText
        let decoded = CharsetDecoder.decode(Self.page(charset: "shift_jis", text))
        #expect(Self.text(decoded).contains("日本語のテキスト\u{FFFD} end日本語のテキスト</p>"))
        #expect(decoded.replacedBytes == 1)
    }

    @Test func sequenceCutOffAtTheEndIsReplaced() {
        let decoded = CharsetDecoder.decode(Array("<meta charset=gbk><p>".utf8) + Self.gbkText + [0xD6])
        #expect(Self.text(decoded).hasSuffix("中文文本\u{FFFD}"))
    }

    // MARK: - Declarations

    // MARK: - Undeclared legacy charsets

    static let undeclaredFolder = TestSupport.repositoryRoot.appendingPathComponent("Tests/InputFiles/undeclared-charsets")

    /// A page in a legacy charset that declares none is read in the
    /// charset uchardet detects (a windows-1251 page came out as
    /// windows-1252 mojibake); a Western page stays windows-1252.
    @Test(arguments: [
        ("ru-windows-1251", "windows-1251"), ("ru-koi8-r", "KOI8-R"), ("pl-windows-1250", "windows-1250"),
        ("ja-shift_jis", "Shift_JIS"), ("zh-gbk", "gb18030"), ("ko-euc-kr", "EUC-KR"), ("he-windows-1255", "windows-1255"),
        ("fr-windows-1252", "windows-1252"),
    ])
    func undeclaredCharsetIsDetected(name: String, charset: String) throws {
        let folder = CharsetDecoderTests.undeclaredFolder
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name + ".html")))
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == charset)
        #expect(decoded.signal == (charset == "windows-1252" ? .fallback : .detected))
        #expect(CharsetDecoderTests.text(decoded).contains(expected))
    }

    /// The fixture's windows-1251 page with its `<meta charset>` taken out
    /// cleans to the same article as with it.
    @Test func undeclaredFixturePageCleansAsDeclared() throws {
        let page = Fixture.directory.appendingPathComponent("charset-windows-1251/page.html")
        let declared = try [UInt8](Data(contentsOf: page))
        let marker = Array("<meta charset=\"windows-1251\">".utf8)
        let start = try #require(declared.indices.first { declared[$0...].starts(with: marker) })
        let undeclared = Array(declared[..<start] + declared[(start + marker.count)...])
        let cleaner = try Cleaner()
        #expect(try cleaner.clean(bytes: undeclared).json.serialized() == cleaner.clean(bytes: declared).json.serialized())
    }

    /// Too few bytes above ASCII to judge: windows-1252 stands.
    @Test func littleEvidenceStaysWindows1252() {
        let decoded = CharsetDecoder.decode(Self.page(charset: nil, Self.windows1251Greeting))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.signal == .fallback)
    }

    @Test func labelsAreRecognized() {
        #expect(CharsetDecoder.recognizes(label: " Windows-1251 "))
        #expect(CharsetDecoder.recognizes(label: "latin1"))
        #expect(!CharsetDecoder.recognizes(label: "bogus"))
    }

    @Test func unknownLabelFallsBackToTheBytes() {
        let latin = CharsetDecoder.decode(Self.page(charset: "x-klingon", [0x63, 0x61, 0x66, 0xE9, 0x96]))
        #expect(Self.text(latin).contains("<p>café–</p>"))
        #expect(latin.signal == .fallback)
        #expect(latin.declaredCharset == nil)
        let utf8 = CharsetDecoder.decode(Self.page(charset: nil, Array("café".utf8)), declared: "x-klingon")
        #expect(Self.text(utf8).contains("<p>café</p>"))
        #expect(utf8.signal == .bytes)
    }

    @Test func declarationInsideACommentIsIgnored() {
        let bytes = Array("<!-- <meta charset=windows-1251> --><meta charset=koi8-r><p>".utf8) + Self.koi8RGreeting
        #expect(Self.text(CharsetDecoder.decode(bytes)).hasSuffix("<p>Привет, мир"))
    }

    @Test func declarationFormsAreFound() {
        let cases: [(String, String?)] = [
            (#"<meta charset=windows-1251>"#, "windows-1251"),
            (#"<META  CharSet = ' KOI8-R ' />"#, " koi8-r "),
            (#"<meta content="text/html; charset=gb2312" http-equiv="Content-Type">"#, "gb2312"),
            (#"<meta http-equiv=content-type content='text/html;charset="shift_jis"'>"#, "shift_jis"),
            // Without http-equiv, a content charset does not count.
            (#"<meta name="x" content="text/html; charset=koi8-r">"#, nil),
            (#"<meta property="og:title" content="<meta charset=koi8-r>">"#, nil),
            (#"<div title="<meta charset=koi8-r>">"#, nil),
            (#"<?xml version="1.0" encoding="ISO-8859-2"?><html>"#, "iso-8859-2"),
            (#"<meta charset="x-unknown"><meta charset="big5">"#, "big5"),
        ]
        for (markup, label) in cases {
            #expect(CharsetDeclaration.find(in: Array(markup.utf8)[...])?.label == label, "\(markup)")
        }
    }

    @Test func labelsMapAsTheEncodingStandardSays() {
        #expect(Charset(label: "latin1") == .windows1252)
        #expect(Charset(label: "US-ASCII") == .windows1252)
        #expect(Charset(label: " utf8 ") == .utf8)
        #expect(Charset(label: "gb2312")?.name == "GBK")
        #expect(Charset(label: "x-sjis")?.name == "Shift_JIS")
        #expect(Charset(label: "iso-8859-9")?.name == "windows-1254")
        #expect(Charset(label: "hz-gb-2312") == nil)
        #expect(Charset(label: "nonsense") == nil)
    }

    @Test func everyLabelledEncodingHasAConverter() {
        for charset in Set(CharsetLabels.table.values) {
            guard let name = charset.iconvName else { continue }
            #expect(Iconv.convert(Array("abc".utf8)[...], from: name, unitWidth: charset.unitWidth) != nil, "\(name)")
        }
    }

    // MARK: - Edge cases

    @Test func nulBytesBecomeSpaces() {
        let utf8 = CharsetDecoder.decode(Array("<p>a".utf8) + [0] + Array("b é</p>".utf8))
        #expect(Self.text(utf8) == "<p>a b é</p>")
        let legacy = CharsetDecoder.decode(Array("<p>a".utf8) + [0, 0xE9] + Array("</p>".utf8))
        #expect(Self.text(legacy) == "<p>a é</p>")
        let converted = CharsetDecoder.decode(Self.page(charset: "windows-1251", [0] + Self.windows1251Greeting))
        #expect(!converted.utf8.contains(0))
    }

    @Test func invalidUTF8WithoutDeclarationIsWindows1252() {
        let decoded = CharsetDecoder.decode(Array("<p>".utf8) + [0xE9, 0x74, 0xE9, 0x20, 0x80, 0x81, 0xFF] + Array("</p>".utf8))
        #expect(Self.text(decoded) == "<p>été €\u{FFFD}ÿ</p>")
        #expect(decoded.signal == .fallback)
        #expect(decoded.charset == "windows-1252")
    }

    @Test func overlongAndSurrogateSequencesAreNotUTF8() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let decoded = CharsetDecoder.decode(Array("<p>".utf8) + bytes)
            #expect(Self.isValidUTF8(decoded.utf8))
            #expect(decoded.replacedBytes + (decoded.signal == .fallback ? bytes.count : 0) > 0)
        }
    }

    @Test func emptyInput() {
        let decoded = CharsetDecoder.decode([])
        #expect(decoded.utf8.isEmpty)
        #expect(CharsetDecoder.utf8(from: []).isEmpty)
    }

    @Test func asciiPageKeepsItsDeclaredName() {
        let decoded = CharsetDecoder.decode(Self.page(charset: "iso-8859-1", Array("plain".utf8)))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.signal == .declaration)
    }

    // MARK: - Through the cleaner

    @Test func windows1251PageCleansToCyrillicText() throws {
        let paragraphs = [
            "Это первый абзац статьи, достаточно длинный, чтобы его сочли текстом, с запятыми, точками и другими словами.",
            "Второй абзац статьи тоже написан по-русски и содержит довольно много слов, чтобы остаться в основном тексте.",
            "Третий абзац завершает статью: в нём говорится о кодировках, о старых сайтах и о том, как их читать правильно.",
        ]
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Статья</title></head>
            <body><nav><a href="/">Главная</a></nav><article><h1>Заголовок</h1>
            \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
            </article></body></html>
            """
        let bytes = try #require(html.data(using: .windowsCP1251))
        let article = try Cleaner().clean(bytes: [UInt8](bytes))
        for paragraph in paragraphs {
            #expect(article.text.contains(paragraph))
        }
        #expect(article.metadata.title == "Статья")
    }

    // MARK: - The dev set

    /// The dev set beside the repository (`../shared/devset`), as the
    /// project's other tools find it.
    static let devsetPath = TestSupport.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/devset").path

    /// How often `pattern` occurs in `bytes`; memchr and memcmp, because
    /// the dev set is a hundred megabytes and this runs in debug builds.
    static func occurrences(of pattern: String, in bytes: [UInt8]) -> Int {
        let pattern = Array(pattern.utf8)
        return bytes.withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needle in
                guard let start = haystack.baseAddress, needle.count <= haystack.count else { return 0 }
                let end = start + haystack.count
                var count = 0
                var cursor = start
                while cursor < end, let found = memchr(cursor, Int32(pattern[0]), cursor.distance(to: end)) {
                    let candidate = UnsafeRawPointer(found)
                    if candidate.distance(to: end) >= needle.count, memcmp(candidate, needle.baseAddress!, needle.count) == 0 {
                        count += 1
                    }
                    cursor = candidate + 1
                }
                return count
            }
        }
    }

    /// Decodes every dev-set page, checks the output is UTF-8 without NULs,
    /// and reports the U+FFFD and mojibake it holds (to the file named by
    /// `WINNOW_DEVSET_REPORT`); skipped where the dev set is absent.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CharsetDecoderTests.devsetPath)))
    func devsetDecodesToUTF8WithoutMojibake() throws {
        let root = URL(fileURLWithPath: Self.devsetPath)
        // UTF-8 read as windows-1252: é è á ó ü ö ä ñ ç, the `â€` of curly
        // quotes and dashes, and the `Â` before a no-break space.
        let mojibake = ["Ã©", "Ã¨", "Ã¡", "Ã³", "Ã¼", "Ã¶", "Ã¤", "Ã±", "Ã§", "â€", "Â\u{A0}"]
        var pages = 0, introducedReplacements = 0, pagesWithMojibake = 0, pagesWithNewMojibake = 0
        var signals: [CharsetSignal: Int] = [:]
        var notes: [String] = []
        for set in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let setURL = root.appendingPathComponent(set)
            guard let ids = try? FileManager.default.contentsOfDirectory(atPath: setURL.path) else { continue }
            for id in ids.sorted() {
                let file = setURL.appendingPathComponent(id).appendingPathComponent("page.html")
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let bytes = [UInt8](data)
                let decoded = CharsetDecoder.decode(bytes)
                #expect(Self.isValidUTF8(decoded.utf8), "\(set)/\(id)")
                #expect(!decoded.utf8.contains(0), "\(set)/\(id)")
                pages += 1
                signals[decoded.signal, default: 0] += 1
                // U+FFFD the page already holds as UTF-8 is the site's, not ours.
                let replacements = Self.occurrences(of: "\u{FFFD}", in: decoded.utf8)
                let inherited = Self.occurrences(of: "\u{FFFD}", in: bytes)
                if replacements > 0 {
                    introducedReplacements += replacements - inherited
                    notes.append("\(set)/\(id): \(replacements) U+FFFD, \(inherited) already in the bytes")
                }
                let found = mojibake.filter { Self.occurrences(of: $0, in: decoded.utf8) > 0 }
                if !found.isEmpty {
                    let new = found.filter { Self.occurrences(of: $0, in: decoded.utf8) > Self.occurrences(of: $0, in: bytes) }
                    pagesWithMojibake += 1
                    if !new.isEmpty { pagesWithNewMojibake += 1 }
                    notes.append("\(set)/\(id): mojibake \(found), introduced by decoding: \(new) [\(decoded.charset) by \(decoded.signal)]")
                }
                if decoded.signal != .declaration && decoded.signal != .bytes || decoded.replacedBytes > 0 || decoded.charset != "UTF-8" {
                    notes.append("\(set)/\(id): \(decoded.charset) by \(decoded.signal), \(decoded.replacedBytes) replaced")
                }
            }
        }
        let summary = """
            dev set: \(pages) pages; signals \(signals.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" })
            U+FFFD introduced by decoding: \(introducedReplacements)
            pages with mojibake: \(pagesWithMojibake), introduced by decoding: \(pagesWithNewMojibake)
            \(notes.joined(separator: "\n"))
            """
        if let report = ProcessInfo.processInfo.environment["WINNOW_DEVSET_REPORT"] {
            try summary.write(toFile: report, atomically: true, encoding: .utf8)
        }
        #expect(pages > 0)
        #expect(introducedReplacements == 0)
        #expect(pagesWithNewMojibake == 0)
    }
}
