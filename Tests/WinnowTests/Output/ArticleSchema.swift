import Foundation

/// The `winnow.article/1` schema as committed in `schema/`, for the tests
/// that hold the writer and the schema to each other.
enum ArticleSchema {
    static var file: URL {
        TestSupport.repositoryRoot.appendingPathComponent("schema").appendingPathComponent("winnow.article-1.schema.json")
    }

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaData: Data(contentsOf: file))
    }
}
