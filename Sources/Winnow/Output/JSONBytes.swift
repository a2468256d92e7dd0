/// Compact JSON written straight into UTF-8 bytes: what `winnow batch`
/// writes for every record, and `JSONValue.serialized()` without `pretty`.
/// A string's bytes are copied a run at a time between the few that must
/// be escaped, instead of appending scalar after scalar to a `String` (a
/// quarter of a batch's time went to writing its JSON). The bytes are the
/// same as the scalar-wise writer's.
extension JSONValue {
    /// Appends the value's compact JSON to `output`.
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: JSONBytes.null)
        case .bool(let value): output.append(contentsOf: value ? JSONBytes.true : JSONBytes.false)
        case .number(let value): JSONBytes.appendNumber(value, to: &output)
        case .string(let value): JSONBytes.appendString(value, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            JSONValue.writeMembers(members, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `"key":value` pairs, comma-separated, without braces: for a
    /// record that joins members from several places into one object.
    public static func writeMembers(_ members: [(String, JSONValue)], to output: inout [UInt8]) {
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONBytes.appendString(key, to: &output)
            output.append(UInt8(ascii: ":"))
            value.write(to: &output)
        }
    }

    /// Appends `value` as a JSON string.
    public static func writeString(_ value: String, to output: inout [UInt8]) {
        JSONBytes.appendString(value, to: &output)
    }
}

enum JSONBytes {
    static let null = Array("null".utf8)
    static let `true` = Array("true".utf8)
    static let `false` = Array("false".utf8)
    static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendNumber(_ value: Int, to output: inout [UInt8]) {
        if value >= 0 && value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            output.append(contentsOf: String(value).utf8)
        }
    }

    /// `value` as a JSON string: `"` and `\` escaped, `\n`, `\r`, `\t` by
    /// name, other control characters and U+2028/U+2029 (which would end a
    /// JavaScript line) as `\u` and four hex digits.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                let escape: Bool
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    escape = byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                    if !escape {
                        index += 1
                        continue
                    }
                } else {
                    escape = true
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let scalar: UInt32
                let width: Int
                if byte == 0xE2 {
                    scalar = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                } else {
                    scalar = UInt32(byte)
                    width = 1
                }
                switch scalar {
                case 0x22: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case 0x5C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
                    for shift in stride(from: 12, through: 0, by: -4) {
                        output.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)])
                    }
                }
                index += width
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
