import Foundation
import Testing

/// The validator must reject what the schema forbids: one that accepts
/// everything would let every schema test pass for nothing.
@Suite struct JSONSchemaValidatorTests {
    /// A minimal valid `winnow.article/1` document, as compact JSON.
    static let valid = """
        {"schema":"winnow.article/1","url":null,"canonical_url":null,"title":"T","authors":[],\
        "published":null,"modified":null,"site_name":null,"language":"en","description":null,\
        "page_type":"article","text":"A paragraph.","blocks":[{"type":"paragraph","text":"A paragraph."}],\
        "comment_count":null,"comments":[]}
        """

    /// The valid document with one change made to its parsed form.
    static func violations(changing change: (inout [String: Any]) -> Void) throws -> [JSONSchemaValidator.Violation] {
        var document = try #require(try JSONSerialization.jsonObject(with: Data(valid.utf8)) as? [String: Any])
        change(&document)
        return try ArticleSchema.validator().violations(of: document)
    }

    static func block(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func acceptsAValidDocument() throws {
        #expect(try JSONSchemaValidatorTests.violations { _ in }.isEmpty)
    }

    @Test func rejectsAMissingRequiredKey() throws {
        let violations = try JSONSchemaValidatorTests.violations { $0["text"] = nil }
        #expect(violations.contains { $0.message == "missing required key \"text\"" }, "\(violations)")
    }

    @Test func rejectsAnUnknownPageType() throws {
        let violations = try JSONSchemaValidatorTests.violations { $0["page_type"] = "blog" }
        #expect(!violations.isEmpty)
    }

    @Test func rejectsAnExtraKey() throws {
        let violations = try JSONSchemaValidatorTests.violations { $0["summary"] = "made up" }
        #expect(violations.contains { $0.message == "unexpected key \"summary\"" }, "\(violations)")
    }

    @Test func rejectsAWrongType() throws {
        let number = try JSONSchemaValidatorTests.violations { $0["title"] = 3 }
        #expect(number.contains { $0.path == "/title" }, "\(number)")
        let null = try JSONSchemaValidatorTests.violations { $0["text"] = NSNull() }
        #expect(null.contains { $0.path == "/text" }, "\(null)")
        let string = try JSONSchemaValidatorTests.violations { $0["authors"] = "A. Writer" }
        #expect(string.contains { $0.path == "/authors" }, "\(string)")
    }

    /// JSONSerialization hands booleans over as numbers; `true` must still
    /// not pass for a count, nor `1` for a boolean.
    @Test func tellsBooleansFromNumbers() throws {
        let count = try JSONSchemaValidatorTests.violations { $0["comment_count"] = NSNumber(value: true) }
        #expect(count.contains { $0.path == "/comment_count" }, "\(count)")
        let ordered = try JSONSchemaValidatorTests.violations {
            $0["blocks"] = [try! JSONSchemaValidatorTests.block(#"{"type":"list","ordered":1,"items":["a"]}"#)]
        }
        #expect(!ordered.isEmpty)
        let negative = try JSONSchemaValidatorTests.violations { $0["comment_count"] = -1 }
        #expect(negative.contains { $0.path == "/comment_count" }, "\(negative)")
    }

    @Test func rejectsABadBlockType() throws {
        let violations = try JSONSchemaValidatorTests.violations {
            $0["blocks"] = [try! JSONSchemaValidatorTests.block(#"{"type":"banner","text":"Subscribe"}"#)]
        }
        #expect(violations.contains { $0.path == "/blocks/0" && $0.message.contains("fits none") }, "\(violations)")
    }

    @Test func rejectsMalformedBlocks() throws {
        for json in [
            #"{"type":"heading","level":7,"text":"Too deep"}"#,
            #"{"type":"heading","level":0,"text":"Too shallow"}"#,
            #"{"type":"heading","text":"No level"}"#,
            #"{"type":"paragraph","text":"x","level":2}"#,
            #"{"type":"list","ordered":false,"items":[1]}"#,
            #"{"type":"figure","src":"a.jpg"}"#,
            #"{"type":"table","rows":["a","b"]}"#,
            #"{"type":"code"}"#,
        ] {
            let violations = try JSONSchemaValidatorTests.violations {
                $0["blocks"] = [try! JSONSchemaValidatorTests.block(json)]
            }
            #expect(!violations.isEmpty, "accepted \(json)")
        }
    }

    @Test func checksNestedRepliesAndTheRemovalLog() throws {
        let reply = #"{"id":null,"author":null,"author_url":null,"published":null,"published_text":null,"replies":[]}"#
        let comment = """
            {"id":"comment-1","author":"A","author_url":null,"published":null,"published_text":null,\
            "text":"Hi","replies":[\(reply)]}
            """
        let replyViolations = try JSONSchemaValidatorTests.violations {
            $0["comments"] = [try! JSONSchemaValidatorTests.block(comment)]
        }
        #expect(replyViolations.contains { $0.path == "/comments/0/replies/0" && $0.message.contains("\"text\"") }, "\(replyViolations)")

        let removal = try JSONSchemaValidatorTests.violations {
            $0["removed"] = [try! JSONSchemaValidatorTests.block(#"{"stage":"s","rule":"r","excerpt":"e","chars":-4}"#)]
        }
        #expect(removal.contains { $0.path == "/removed/0/chars" }, "\(removal)")
    }

    @Test func rejectsAWrongSchemaName() throws {
        let violations = try JSONSchemaValidatorTests.violations { $0["schema"] = "winnow.article/2" }
        #expect(violations.contains { $0.path == "/schema" }, "\(violations)")
    }

    @Test func refusesKeywordsItDoesNotImplement() {
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schema: ["type": "string", "pattern": "^a"])
        }
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schema: ["$ref": "https://example.com/other.json"])
        }
    }

    @Test func appliesEnumAndOneOfExactlyOnce() throws {
        let schema: [String: Any] = [
            "oneOf": [["type": "integer"], ["type": "number"]],
            "enum": [1, 2.5],
        ]
        let validator = try JSONSchemaValidator(schema: schema)
        // 1 is an integer and a number: it fits both choices, so not exactly one.
        #expect(try !validator.violations(of: NSNumber(value: 1)).isEmpty)
        #expect(try validator.violations(of: NSNumber(value: 2.5)).isEmpty)
        #expect(try !validator.violations(of: NSNumber(value: 3.5)).isEmpty)
    }
}
