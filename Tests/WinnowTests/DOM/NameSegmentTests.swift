import Testing
@testable import Winnow

/// Hashes in generated class names give no words (`NameSegment`), in the
/// byte splitter that names elements and in `words(of:)` alike.
@Suite struct NameSegmentTests {
    static func isHash(_ segment: String) -> Bool {
        Array(segment.utf8).withUnsafeBufferPointer { NameSegment.isHash($0, from: 0, to: $0.count) }
    }

    @Test func generatedHashesAreHashes() {
        // CSS modules, Closure, a page builder's uuid, Webflow, reddit.
        for segment in ["adF2E", "jXK9ad", "e7385638587d42929d64e649164435ad", "0ad7", "2a872dd3", "o8n5jvy"] {
            #expect(Self.isHash(segment), "\(segment)")
        }
    }

    @Test func namesWithNumbersAreNotHashes() {
        for segment in ["h2", "col12", "ad300x250", "ad728x90", "article2col", "p23Headliner", "Comments2Wrapper", "post", "1197100", "x2large"] {
            #expect(!Self.isHash(segment), "\(segment)")
        }
    }

    @Test func aHashGivesNoWordsTheRestOfTheTokenDoes() {
        #expect(NameWords.words(of: "AccordionTextItem_item__adF2E") == ["accordion", "text", "item", "item"])
        #expect(NameWords.words(of: "builder-e7385638587d42929d64e649164435ad") == ["builder"])
        #expect(NameWords.words(of: "ad728x90") == ["ad", "x"])
        #expect(!NameWords(classAttribute: "jXK9ad jXK9ad-SmKAyb", idAttribute: nil).contains(WordHint("ad")))
        #expect(NameWords(classAttribute: "ad-slot-3f9a2c1b", idAttribute: nil).contains(WordHint("ad")))
        #expect(NameWords(classAttribute: "w-variant-2a872dd3-bab5-0ad7", idAttribute: nil).tokens.map(Array.init) == [["w", "variant", "bab"]])
    }

    /// An id with a hash is still an instance's id, passed over as a
    /// heading's slug is: its hash's chance words count for the slug rule.
    @Test func idsWithHashesStayPassedOver() {
        #expect(NameWords(classAttribute: nil, idAttribute: "widget_135f7097-4588-4575-a48c-727eee2c48e0").isEmpty)
        #expect(NameWords(classAttribute: nil, idAttribute: "filter-menu-tabs-c0d9c555cb").isEmpty)
        #expect(!NameWords(classAttribute: nil, idAttribute: "sidebar").isEmpty)
    }

    /// `words(of:)` (by Characters past ASCII, by bytes below) says what
    /// the element's words say, token by token, on tokens built from
    /// letters of both cases, digits, separators and letters past ASCII.
    /// The letters past ASCII stand between separators: where one meets an
    /// upper-case ASCII letter the two splitters part anyway (the bytes
    /// take no letter past ASCII for lower case), hashes or not.
    @Test func wordsOfATokenAreTheElementsWords() {
        let pieces = ["ad", "F", "2", "E", "7", "x", "300", "-", "_", "comment", "Box", "-\u{E9}t\u{E9}-", "_\u{0436}_", "a8", "c0d9", "Q"]
        var generator = SplitMix64(seed: 0x5E6)
        for _ in 0..<2000 {
            let token = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = NameWords.words(of: Substring(token))
            let names = NameWords(classAttribute: token, idAttribute: nil)
            let actual = Array(names.tokens.map(Array.init).joined())
            #expect(actual == expected, "\(token)")
        }
    }
}
