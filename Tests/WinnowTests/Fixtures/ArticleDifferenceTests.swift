import Testing
@testable import Winnow

/// The comparison engine behind `winnow test` and the snapshot test: each
/// kind of change is named where it happened, and an inserted block is
/// one difference, not a shift of every block after it.
@Suite struct ArticleDifferenceTests {
    static func article(title: String = "T", blocks: [Block], comments: [Winnow.Comment] = []) -> JSONValue {
        var metadata = Metadata()
        metadata.title = title
        return Article(url: nil, metadata: metadata, blocks: blocks, comments: comments).json
    }

    let base: [Block] = [.paragraph("One."), .heading(level: 2, text: "Two"), .paragraph("Three."), .paragraph("Four.")]

    @Test func equalArticlesHaveNoDifference() {
        let a = Self.article(blocks: base)
        #expect(ArticleDifference(expected: a, actual: a).isEmpty)
    }

    @Test func anInsertedBlockIsOneAppearance() {
        var blocks = base
        blocks.insert(.paragraph("Read also: something else"), at: 1)
        let difference = ArticleDifference(expected: Self.article(blocks: base), actual: Self.article(blocks: blocks))
        #expect(difference.changes.map(\.description) == [#"/blocks/1: block appeared: paragraph "Read also: something else""#])
    }

    @Test func aRemovedBlockVanishes() {
        var blocks = base
        blocks.remove(at: 2)
        let difference = ArticleDifference(expected: Self.article(blocks: base), actual: Self.article(blocks: blocks))
        #expect(difference.changes.map(\.description) == [#"/blocks/2: block vanished: paragraph "Three.""#])
    }

    @Test func anEditedBlockChangesAroundTheFirstDifference() {
        var blocks = base
        blocks[2] = .paragraph("Three!")
        let difference = ArticleDifference(expected: Self.article(blocks: base), actual: Self.article(blocks: blocks))
        #expect(difference.changes.map(\.description) == [#"/blocks/2: block changed: paragraph: text "Three." → "Three!""#])
    }

    @Test func metadataFieldsAreNamed() {
        let difference = ArticleDifference(
            expected: Self.article(title: "Old", blocks: base), actual: Self.article(title: "New", blocks: base))
        #expect(difference.changes.map(\.description) == [#"/title: changed: "Old" → "New""#])
    }

    @Test func commentsAreNamedByAuthor() {
        let reply = Winnow.Comment(id: "c2", author: "Bo", text: "Reply")
        let expected = Self.article(blocks: base, comments: [Winnow.Comment(id: "c1", author: "Al", text: "Hi", replies: [reply])])
        let changedReply = Winnow.Comment(id: "c2", author: "Bo", text: "Reply, edited")
        let actual = Self.article(blocks: base, comments: [Winnow.Comment(id: "c1", author: "Al", text: "Hi", replies: [changedReply])])
        let changes = ArticleDifference(expected: expected, actual: actual).changes.map(\.description)
        #expect(changes == [#"/comments/0/replies/0/text: comment (by Bo): changed: "Reply" → "Reply, edited""#])

        let gone = ArticleDifference(expected: expected, actual: Self.article(blocks: base)).changes.map(\.description)
        #expect(gone == [#"/comments/0: comment vanished: by Al, "Hi""#])
    }

    @Test func parserKeepsKeyOrderAndEscapes() throws {
        let text = #"{"b": [1, -2, true, null], "a": "x\"\u00e9\ud83d\ude00\n"}"#
        let value = try JSONValueParser.parse(text)
        #expect(value == .object([("b", .array([.number(1), .number(-2), .bool(true), .null])), ("a", .string("x\"é😀\n"))]))
        let article = Self.article(blocks: base)
        #expect(try JSONValueParser.parse(article.serialized(pretty: true)) == article)
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "1.5", "\"\\x\"", "[] x", String(repeating: "[", count: 10_000)] {
            #expect(throws: JSONValueParser.Error.self, "\(bad.prefix(20))") { try JSONValueParser.parse(bad) }
        }
    }

    @Test func textThatIsNotJSONIsADifference() {
        #expect(!ArticleDifference(expectedJSON: "{", actualJSON: "{}").isEmpty)
        #expect(ArticleDifference(expectedJSON: "{}", actualJSON: "{}").isEmpty)
        #expect(ArticleDifference(expectedJSON: "{}", actualJSON: "{ }").changes.first?.message.contains("different bytes") == true)
    }
}
