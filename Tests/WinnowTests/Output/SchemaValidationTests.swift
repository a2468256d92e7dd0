import Foundation
import Testing
@testable import Winnow

/// Every fixture's output, its committed expectation and one `--explain`
/// output must conform to `schema/winnow.article-1.schema.json`: the schema
/// and the writer are kept honest against each other.
@Suite struct SchemaValidationTests {
    static func violations(of json: String) throws -> [JSONSchemaValidator.Violation] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try ArticleSchema.validator().violations(of: document)
    }

    @Test(arguments: Fixture.all())
    func fixtureOutputConformsToSchema(_ fixture: Fixture) throws {
        let output = try fixture.clean().json.serialized()
        let violations = try SchemaValidationTests.violations(of: output)
        #expect(violations.isEmpty, "\(fixture.name): \(violations.map(\.description).joined(separator: "; "))")
    }

    /// Known-failing fixtures hold hand-written expectations: those must be
    /// valid output too.
    @Test(arguments: Fixture.all())
    func expectedJSONConformsToSchema(_ fixture: Fixture) throws {
        let expected = try #require(try fixture.expectedJSON(), "\(fixture.name) has no expected.json")
        let violations = try SchemaValidationTests.violations(of: expected)
        #expect(violations.isEmpty, "\(fixture.name)/expected.json: \(violations.map(\.description).joined(separator: "; "))")
    }

    @Test func explainedOutputConformsToSchema() throws {
        let fixture = try #require(Fixture.all().first { $0.name == "seed-aggregator" })
        let article = try fixture.clean(explain: true)
        #expect(article.removed?.isEmpty == false, "an --explain run logs what it removed")
        let violations = try SchemaValidationTests.violations(of: article.json.serialized(pretty: true))
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "; "))")
    }

    /// An article with every block type and a threaded comment, built by
    /// hand: the fixtures may not exercise each shape the schema allows.
    @Test func everyBlockTypeAndCommentConformsToSchema() throws {
        var metadata = Metadata()
        metadata.title = "A title"
        metadata.authors = ["A. Writer"]
        let reply = Comment(id: "comment-2", author: "B", text: "A reply.")
        let article = Article(
            url: "https://example.com/a", metadata: metadata,
            blocks: [
                .paragraph("A paragraph."), .heading(level: 2, text: "A heading"), .quote("A quote."),
                .list(ordered: true, items: ["one", "two"]), .figure(src: nil, caption: "A caption"),
                .table(rows: [["a", "b"], ["1", "2"]]), .code("let x = 1"),
            ],
            commentCount: 2,
            comments: [Comment(id: "comment-1", author: "A", authorURL: "https://example.org", published: "2022-03-23T14:21:09Z", text: "A comment.", replies: [reply])],
            removed: [Removal(stage: "strip-boilerplate", rule: "navigation", excerpt: "Home News", chars: 8)])
        let violations = try SchemaValidationTests.violations(of: article.json.serialized())
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "; "))")
    }
}
