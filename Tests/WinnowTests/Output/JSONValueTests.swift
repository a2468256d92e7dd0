import Testing
@testable import Winnow

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapes() {
        let value = JSONValue.object([
            ("b", .string("quote \" slash \\ tab \t nl \n ctl \u{01}")), ("a", .array([.number(1), .null, .bool(true)])),
        ])
        #expect(value.serialized() == #"{"b":"quote \" slash \\ tab \t nl \n ctl \u0001","a":[1,null,true]}"#)
    }

    @Test func prettyPrintsWithTwoSpaces() {
        let value = JSONValue.object([("a", .array([.number(1)])), ("b", .object([]))])
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}")
    }
}
