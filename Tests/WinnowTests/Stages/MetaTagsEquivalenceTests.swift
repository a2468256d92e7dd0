import Testing
@testable import Winnow

/// `MetaTags.add` reading attributes in place files the same values under
/// the same keys, in the same order, as reading them with `xmlGetProp`
/// and splitting them Character by Character did: on seeded random
/// `<meta>` tags whose names and contents mix ASCII, accents, CR LF
/// (written as character references), the Kelvin sign, dotted İ, final
/// sigma and bytes that are not UTF-8.
@Suite struct MetaTagsEquivalenceTests {
    static let keyFragments = [
        "og:title", "OG:Title", "og:TITLE", "DC.creator", "dc.Creator", "dc:creator", "author", "Author", "description", "article:author",
        "twitter:label1", " ", "  ", "\t", "&#13;", "&#10;", "&#13;&#10;", "&#xA0;", "é", "e&#x301;", "&#x212A;", "İ", "ΟΔΟΣ.Σ", "Σ", ".",
        "A", "z", "-", "_", "datePublished", "Content-Type", "x.y.Z", "&#x0387;", "’",
    ]
    static let contentFragments = [
        "", " ", "Title", "A  story", "&#13;&#10;", "\n", "&#xA0;", "&#x2009;", "Ünïcödé", "e&#x301;", "&#x212A;", "İ", "ΟΔΟΣ", "&amp;",
        "text/html; charset=utf-8", "Ann Smith", "&#x3000;", "中文", "👍🏽",
    ]

    static func random(_ fragments: [String], _ generator: inout SplitMix64, upTo count: Int) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined()
    }

    static var documents: [[UInt8]] {
        var generator = SplitMix64(seed: 0x3E7A)
        var documents: [[UInt8]] = []
        for _ in 0..<300 {
            var html = "<html><head>"
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                var tag = "<meta"
                for attribute in ["property", "name", "itemprop", "http-equiv", "content"].shuffled(using: &generator)
                where Bool.random(using: &generator) || attribute == "content" {
                    let value = attribute == "content" ? random(contentFragments, &generator, upTo: 4) : random(keyFragments, &generator, upTo: 4)
                    tag += " \(attribute)=\"\(value)\""
                }
                tag += ">"
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: html += "</head><body><div itemscope itemtype=\"https://schema.org/Review\">\(tag)</div><head>"
                case 1: html += "</head><body><div itemscope itemtype=\"http://schema.org/NewsArticle\">\(tag)</div><head>"
                default: html += tag
                }
            }
            html += "</head><body><p>x</p></body></html>"
            var bytes = Array(html.utf8)
            // Now and then a byte that is not UTF-8, inside a value.
            if Int.random(in: 0..<5, using: &generator) == 0, let quote = bytes.firstIndex(of: UInt8(ascii: "\"")) {
                bytes.insert([0xC3, 0xFF, 0x80, 0xE2].randomElement(using: &generator)!, at: quote + 1)
            }
            documents.append(bytes)
        }
        return documents
    }

    @Test func filesWhatTheStringPathFiled() throws {
        var filed = 0
        for bytes in Self.documents {
            let document = try Document(utf8: bytes)
            var tags = MetaTags()
            var original = Original()
            document.root?.walkDescendants { node in
                if node.isElement, node.tag == .meta {
                    tags.add(node)
                    original.add(node)
                }
                return .descend
            }
            #expect(tags.values == original.values, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(Set(tags.values.keys.map { Array($0.utf8) }) == Set(original.values.keys.map { Array($0.utf8) }))
            #expect(tags.values.keys.allSatisfy { tags.values[$0]!.elementsEqual(original.values[$0] ?? [], by: { $0.utf8.elementsEqual($1.utf8) }) })
            filed += tags.values.count
        }
        #expect(filed > 500)
    }

    @Test(arguments: ["og:Title", "DC.Creator", "a.b.C", "", "x"])
    func asciiKeysAreNormalizedAsStrings(key: String) {
        var key = key
        let normalized = key.withUTF8 { MetaTags.normalizedKey(ascii: $0) }
        #expect(normalized.utf8.elementsEqual(MetaTags.normalizedKey(key).utf8))
    }

    /// `MetaTags.add` as it was before it read attributes in place.
    struct Original {
        var values: [String: [String]] = [:]

        mutating func add(_ node: Node) {
            guard let content = node.attribute("content").map(Text.collapsingWhitespace), !content.isEmpty else { return }
            for attribute: StaticString in ["property", "name", "itemprop", "http-equiv"] {
                guard let key = node.attribute(attribute) else { continue }
                if attribute.description == "itemprop", !MetaTags.describesPage(node) { continue }
                for part in key.split(separator: " ") {
                    values[Original.normalizedKey(part), default: []].append(content)
                }
            }
        }

        static func normalizedKey<S: StringProtocol>(_ key: S) -> String {
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                return String(decoding: key.utf8.map { byte in
                    byte == 0x2E ? 0x3A : byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }, as: UTF8.self)
            }
            return String(key.lowercased().map { $0 == "." ? ":" : $0 })
        }
    }
}
