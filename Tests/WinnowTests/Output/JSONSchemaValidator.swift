import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords Winnow's output
/// schema uses, and no others: `type` (a name or a list of names),
/// `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `const`, `minimum`, `maximum`, `$ref` to `#/$defs/…` and `oneOf`.
/// Annotations (`title`, `description`, `$schema`, `$id`, `$defs`) are read
/// past. Any other keyword is refused when the validator is made, so a
/// schema can never lean on a keyword this validator would silently ignore.
///
/// Documents are what `JSONSerialization` returns: dictionaries, arrays,
/// strings, `NSNumber` (booleans among them) and `NSNull`.
struct JSONSchemaValidator {
    /// One way a document breaks the schema.
    struct Violation: CustomStringConvertible, Equatable {
        /// Where, as a JSON Pointer into the document (`/blocks/3/level`).
        var path: String
        var message: String

        var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
    }

    enum SchemaError: Error, CustomStringConvertible {
        case unsupportedKeyword(String, at: String)
        case malformed(String, at: String)
        case unresolvableReference(String)

        var description: String {
            switch self {
            case .unsupportedKeyword(let keyword, let path): return "unsupported keyword \(keyword) at \(path)"
            case .malformed(let reason, let path): return "malformed schema at \(path): \(reason)"
            case .unresolvableReference(let reference): return "cannot resolve $ref \(reference)"
            }
        }
    }

    static let validatingKeywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "minimum", "maximum",
        "$ref", "oneOf",
    ]
    static let annotationKeywords: Set<String> = ["$schema", "$id", "$defs", "title", "description", "$comment"]

    private let root: [String: Any]

    init(schema: [String: Any]) throws {
        root = schema
        try JSONSchemaValidator.checkKeywords(in: schema, at: "#")
    }

    init(schemaData: Data) throws {
        guard let schema = try JSONSerialization.jsonObject(with: schemaData) as? [String: Any] else {
            throw SchemaError.malformed("the schema is not an object", at: "#")
        }
        try self.init(schema: schema)
    }

    /// Every violation of the schema in `document`; empty when it conforms.
    func violations(of document: Any) throws -> [Violation] {
        var found: [Violation] = []
        try validate(document, against: root, path: "", into: &found)
        return found
    }

    // MARK: - Checking the schema itself

    private static func checkKeywords(in schema: [String: Any], at path: String) throws {
        for (keyword, value) in schema {
            guard validatingKeywords.contains(keyword) || annotationKeywords.contains(keyword) else {
                throw SchemaError.unsupportedKeyword(keyword, at: path)
            }
            switch keyword {
            case "properties", "$defs":
                guard let members = value as? [String: Any] else { throw SchemaError.malformed("\(keyword) is not an object", at: path) }
                for (name, subschema) in members {
                    guard let subschema = subschema as? [String: Any] else {
                        throw SchemaError.malformed("\(keyword)/\(name) is not a schema", at: path)
                    }
                    try checkKeywords(in: subschema, at: "\(path)/\(keyword)/\(name)")
                }
            case "items":
                guard let subschema = value as? [String: Any] else { throw SchemaError.malformed("items is not a schema", at: path) }
                try checkKeywords(in: subschema, at: "\(path)/items")
            case "additionalProperties":
                if let subschema = value as? [String: Any] {
                    try checkKeywords(in: subschema, at: "\(path)/additionalProperties")
                } else if JSONKind(of: value) != .boolean {
                    throw SchemaError.malformed("additionalProperties is neither a boolean nor a schema", at: path)
                }
            case "oneOf":
                guard let choices = value as? [Any], !choices.isEmpty else { throw SchemaError.malformed("oneOf is not a list", at: path) }
                for (index, choice) in choices.enumerated() {
                    guard let choice = choice as? [String: Any] else { throw SchemaError.malformed("oneOf/\(index) is not a schema", at: path) }
                    try checkKeywords(in: choice, at: "\(path)/oneOf/\(index)")
                }
            case "type":
                let names = (value as? [Any]) ?? [value]
                for name in names {
                    guard let name = name as? String, JSONKind.schemaNames.contains(name) else {
                        throw SchemaError.malformed("unknown type \(name)", at: path)
                    }
                }
            case "$ref":
                guard let reference = value as? String, reference.hasPrefix("#/$defs/") else {
                    throw SchemaError.malformed("only #/$defs/… references are supported", at: path)
                }
            default:
                break
            }
        }
    }

    // MARK: - Validating a document

    private func validate(_ value: Any, against schema: [String: Any], path: String, into found: inout [Violation]) throws {
        if let reference = schema["$ref"] as? String {
            try validate(value, against: resolve(reference), path: path, into: &found)
        }
        let kind = JSONKind(of: value)
        if let type = schema["type"] {
            let names = ((type as? [Any]) ?? [type]).compactMap { $0 as? String }
            if !names.contains(where: { kind.matches(schemaName: $0, value: value) }) {
                found.append(Violation(path: path, message: "expected \(names.joined(separator: " or ")), found \(kind.name)"))
                // The other keywords' messages would only repeat this one.
                return
            }
        }
        if let constant = schema["const"], !JSONKind.equal(value, constant) {
            found.append(Violation(path: path, message: "expected the constant \(JSONKind.describe(constant)), found \(JSONKind.describe(value))"))
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { JSONKind.equal(value, $0) }) {
            found.append(Violation(path: path, message: "\(JSONKind.describe(value)) is not one of \(options.map(JSONKind.describe).joined(separator: ", "))"))
        }
        if kind == .number || kind == .integer, let number = (value as? NSNumber)?.doubleValue {
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum {
                found.append(Violation(path: path, message: "\(JSONKind.describe(value)) is less than the minimum \(minimum)"))
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum {
                found.append(Violation(path: path, message: "\(JSONKind.describe(value)) is more than the maximum \(maximum)"))
            }
        }
        if let object = value as? [String: Any], kind == .object {
            try validateObject(object, against: schema, path: path, into: &found)
        }
        if let array = value as? [Any], kind == .array, let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                try validate(item, against: items, path: "\(path)/\(index)", into: &found)
            }
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            try validateOneOf(value, choices: choices, path: path, into: &found)
        }
    }

    private func validateObject(_ object: [String: Any], against schema: [String: Any], path: String, into found: inout [Violation]) throws {
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        for name in (schema["required"] as? [String] ?? []) where object[name] == nil {
            found.append(Violation(path: path, message: "missing required key \"\(name)\""))
        }
        for (name, member) in object.sorted(by: { $0.key < $1.key }) {
            let memberPath = "\(path)/\(JSONSchemaValidator.escapePointer(name))"
            if let subschema = properties[name] {
                try validate(member, against: subschema, path: memberPath, into: &found)
            } else if let additional = schema["additionalProperties"] {
                if let subschema = additional as? [String: Any] {
                    try validate(member, against: subschema, path: memberPath, into: &found)
                } else if (additional as? NSNumber)?.boolValue == false {
                    found.append(Violation(path: path, message: "unexpected key \"\(name)\""))
                }
            }
        }
    }

    /// Exactly one choice must fit. When none does, the message names the
    /// closest (fewest violations) so a bad block says what is wrong with
    /// it, not only that it fits no shape.
    private func validateOneOf(_ value: Any, choices: [[String: Any]], path: String, into found: inout [Violation]) throws {
        var results: [[Violation]] = []
        for choice in choices {
            var violations: [Violation] = []
            try validate(value, against: choice, path: path, into: &violations)
            results.append(violations)
        }
        let fitting = results.filter(\.isEmpty).count
        if fitting == 1 { return }
        if fitting > 1 {
            found.append(Violation(path: path, message: "fits \(fitting) of the oneOf choices, must fit exactly one"))
            return
        }
        let closest = results.min { $0.count < $1.count } ?? []
        let detail = closest.map(\.description).joined(separator: "; ")
        found.append(Violation(path: path, message: "fits none of the \(choices.count) oneOf choices (closest: \(detail))"))
    }

    private func resolve(_ reference: String) throws -> [String: Any] {
        let name = String(reference.dropFirst("#/$defs/".count))
        guard let definitions = root["$defs"] as? [String: Any], let schema = definitions[name] as? [String: Any] else {
            throw SchemaError.unresolvableReference(reference)
        }
        return schema
    }

    private static func escapePointer(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// The JSON type of a value `JSONSerialization` produced. Booleans and
/// numbers both arrive as `NSNumber`; only the boolean's class tells them
/// apart on every platform (`as? Bool` succeeds for the number 1 too).
enum JSONKind: Equatable {
    case null, boolean, integer, number, string, array, object, unknown

    static let schemaNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    init(of value: Any) {
        switch value {
        case is NSNull: self = .null
        case is String: self = .string
        case is [Any]: self = .array
        case is [String: Any]: self = .object
        case let number as NSNumber:
            if ObjectIdentifier(type(of: number)) == JSONKind.booleanClass {
                self = .boolean
            } else {
                let double = number.doubleValue
                self = double.isFinite && double.rounded() == double ? .integer : .number
            }
        default: self = .unknown
        }
    }

    var name: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .unknown: return "a value that is not JSON"
        }
    }

    /// An integer is a number too (JSON Schema's rule).
    func matches(schemaName: String, value: Any) -> Bool {
        schemaName == name || (schemaName == "number" && self == .integer)
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        let kind = JSONKind(of: a)
        let other = JSONKind(of: b)
        let numeric: Set<JSONKind> = [.integer, .number]
        guard kind == other || (numeric.contains(kind) && numeric.contains(other)) else { return false }
        switch kind {
        case .null: return true
        case .boolean: return (a as? NSNumber)?.boolValue == (b as? NSNumber)?.boolValue
        case .integer, .number: return (a as? NSNumber)?.doubleValue == (b as? NSNumber)?.doubleValue
        case .string: return (a as? String) == (b as? String)
        case .array:
            guard let a = a as? [Any], let b = b as? [Any], a.count == b.count else { return false }
            return zip(a, b).allSatisfy { equal($0, $1) }
        case .object:
            guard let a = a as? [String: Any], let b = b as? [String: Any], a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        case .unknown: return false
        }
    }

    static func describe(_ value: Any) -> String {
        switch JSONKind(of: value) {
        case .null: return "null"
        case .boolean: return (value as? NSNumber)?.boolValue == true ? "true" : "false"
        case .integer: return String((value as? NSNumber)?.int64Value ?? 0)
        case .number: return String((value as? NSNumber)?.doubleValue ?? 0)
        case .string: return "\"\(value as? String ?? "")\""
        case .array: return "an array"
        case .object: return "an object"
        case .unknown: return "\(value)"
        }
    }
}
