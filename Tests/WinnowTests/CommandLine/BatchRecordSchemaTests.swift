import Foundation
import Testing
@testable import Winnow

/// Every line `winnow batch` writes conforms to
/// `schema/winnow.batch-record-1.schema.json`, and an article record's own
/// members to the article schema: schema and writer are held to each other.
struct BatchRecordSchemaTests {
    static let provenanceKeys: Set<String> = ["input", "line", "offset", "warc_record_id", "target_uri", "warc_date", "fields"]

    @Test func everyRecordConforms() throws {
        let batchSchema = try JSONSchemaValidator(
            schemaData: Data(
                contentsOf: TestSupport.repositoryRoot.appendingPathComponent("schema/winnow.batch-record-1.schema.json")))
        let articleSchema = try ArticleSchema.validator()
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let inputs = ["pages.jsonl", "pages.warc", "garbage.warc.gz", "no-length.warc", "truncated-last.warc"]
            .map(RecordTestSupport.inputFile)
        let run = try WinnowProcess.run(["batch", page, "/nonexistent/page.html", "--explain"] + inputs)
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.count == 1 + 1 + 7 + 6 + 7 + 6 + 6)
        var articles = 0
        var errors = 0
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let violations = try batchSchema.violations(of: record)
            #expect(violations.isEmpty, "\(violations.map(\.description)): \(line.prefix(300))")
            if record["schema"] != nil {
                articles += 1
                let article = record.filter { !BatchRecordSchemaTests.provenanceKeys.contains($0.key) }
                let articleViolations = try articleSchema.violations(of: article)
                #expect(articleViolations.isEmpty, "\(articleViolations.map(\.description))")
            } else {
                errors += 1
            }
        }
        #expect(articles > 0 && errors > 0)
        #expect(articles + errors == lines.count)
    }
}
