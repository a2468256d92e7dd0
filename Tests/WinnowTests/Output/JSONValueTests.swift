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

    /// The byte writer (sized first, then written once) writes what the
    /// String writer it replaced wrote, kept here as the reference, on
    /// random values of awkward strings, compact and pretty; the count
    /// matches the bytes written.
    @Test func bytesMatchTheReferenceWriter() {
        var generator = SplitMix64(seed: 0x15_0A)
        let pieces = ["a", "é", "😀", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{E2}", " ", "</script>", "\u{FEFF}"]
        func string() -> String {
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func value(depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .number(Int.random(in: Int.min...Int.max, using: &generator))
            case 3: return .string(string())
            case 4: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth + 1) })
            default: return .object((0..<Int.random(in: 0...4, using: &generator)).map { _ in (string(), value(depth: depth + 1)) })
            }
        }
        for _ in 0..<500 {
            let sample = value(depth: 0)
            for pretty in [false, true] {
                let bytes = sample.serializedUTF8(pretty: pretty)
                #expect(bytes == Array(JSONValueTests.reference(sample, pretty: pretty).utf8))
                #expect(bytes.capacity - bytes.count < 64, "sized before written")
            }
        }
    }

    /// The String writer `serializedUTF8` replaced, as it was.
    static func reference(_ value: JSONValue, pretty: Bool, indent: Int = 0) -> String {
        func newline(_ indent: Int) -> String { "\n" + String(repeating: "  ", count: indent) }
        func string(_ value: String) -> String {
            var output = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                    output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + "\""
        }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return String(number)
        case .string(let text): return string(text)
        case .array(let values):
            guard !values.isEmpty else { return "[]" }
            return "[" + values.map { (pretty ? newline(indent + 1) : "") + reference($0, pretty: pretty, indent: indent + 1) }
                .joined(separator: ",") + (pretty ? newline(indent) : "") + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{" + members.map {
                (pretty ? newline(indent + 1) : "") + string($0.0) + (pretty ? ": " : ":") + reference($0.1, pretty: pretty, indent: indent + 1)
            }.joined(separator: ",") + (pretty ? newline(indent) : "") + "}"
        }
    }
}
