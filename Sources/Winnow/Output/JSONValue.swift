/// A JSON value whose objects keep their keys in the order written, so the
/// output follows the documented schema order and is byte-identical from
/// run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    static func optional(_ value: Int?) -> JSONValue {
        value.map(JSONValue.number) ?? .null
    }

    /// Serializes the value. `pretty` indents by two spaces.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedUTF8(pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, written into a buffer of exactly its
    /// size: the text is measured first, then written once. Appended to a
    /// growing String, a large page's article held up to three times its
    /// size at once (the old buffer, and a new one of twice it).
    public func serializedUTF8(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.bytes.reserveCapacity(serializedByteCount(pretty: pretty))
        writer.write(self, indent: 0)
        return writer.bytes
    }

    /// How many bytes `serializedUTF8(pretty:)` holds, without writing them.
    public func serializedByteCount(pretty: Bool = false) -> Int {
        var writer = JSONWriter(pretty: pretty)
        writer.count(self, indent: 0)
        return writer.counted
    }

    /// Writes the same bytes to `output` in pieces of about `chunkSize`
    /// (a long string in pieces of its own), never holding the whole: a
    /// large page's article goes to a file or a pipe as it is written.
    public func write(pretty: Bool = false, chunkSize: Int = 1 << 16, to output: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONWriter(pretty: pretty, chunkSize: chunkSize, output: output)
            writer.bytes.reserveCapacity(chunkSize + 16)
            writer.write(self, indent: 0)
            writer.drain()
        }
    }
}

/// Writes a `JSONValue` as bytes, into `bytes` or, given an output, in
/// pieces to it; `count` measures what `write` writes.
private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    var counted = 0
    /// Where full pieces go; nil: everything stays in `bytes`.
    let output: ((UnsafeRawBufferPointer) -> Void)?
    let chunkSize: Int

    init(pretty: Bool, chunkSize: Int = .max, output: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        self.pretty = pretty
        self.chunkSize = chunkSize
        self.output = output
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func count(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: counted += 4
        case .bool(let flag): counted += flag ? 4 : 5
        case .number(let number): counted += String(number).utf8.count
        case .string(let text): counted += JSONWriter.escapedCount(text)
        case .array(let values):
            guard !values.isEmpty else {
                counted += 2
                return
            }
            counted += 2 + values.count - 1
            for value in values {
                if pretty { counted += 1 + 2 * (indent + 1) }
                count(value, indent: indent + 1)
            }
            if pretty { counted += 1 + 2 * indent }
        case .object(let members):
            guard !members.isEmpty else {
                counted += 2
                return
            }
            counted += 2 + members.count - 1
            for (key, value) in members {
                if pretty { counted += 1 + 2 * (indent + 1) }
                counted += JSONWriter.escapedCount(key) + (pretty ? 2 : 1)
                count(value, indent: indent + 1)
            }
            if pretty { counted += 1 + 2 * indent }
        }
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): append(bytes: Array(String(number).utf8))
        case .string(let text): writeString(text)
        case .array(let values):
            guard !values.isEmpty else {
                append("[]")
                return
            }
            append(byte: UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                write(value, indent: indent + 1)
            }
            if pretty { newline(indent) }
            append(byte: UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                append("{}")
                return
            }
            append(byte: UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                writeString(key)
                append(pretty ? ": " : ":")
                write(value, indent: indent + 1)
            }
            if pretty { newline(indent) }
            append(byte: UInt8(ascii: "}"))
        }
    }

    /// Hands what is buffered to the output, if there is one.
    mutating func drain() {
        guard let output, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(output)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(byte: UInt8) {
        bytes.append(byte)
        if bytes.count >= chunkSize { drain() }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }

    private mutating func append(bytes piece: some Collection<UInt8>) {
        bytes.append(contentsOf: piece)
        if bytes.count >= chunkSize { drain() }
    }

    /// A run of a string's bytes: a long one goes to the output as it is.
    private mutating func append(run: UnsafeBufferPointer<UInt8>) {
        if let output, run.count >= chunkSize {
            drain()
            output(UnsafeRawBufferPointer(run))
            return
        }
        append(bytes: run)
    }

    private mutating func newline(_ indent: Int) {
        append(byte: UInt8(ascii: "\n"))
        append(bytes: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// The bytes `writeString` writes for `text`, quotes included.
    static func escapedCount(_ text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { buffer in
            var total = buffer.count + 2
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x20 {
                    total += byte == 0x0A || byte == 0x0D || byte == 0x09 ? 1 : 5
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    total += 1
                } else if isLineOrParagraphSeparator(buffer, at: index) {
                    // U+2028, U+2029: three bytes become six.
                    total += 3
                    index += 2
                }
                index += 1
            }
            return total
        }!
    }

    /// Whether `buffer` holds U+2028 or U+2029 at `index` (E2 80 A8/A9).
    private static func isLineOrParagraphSeparator(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        buffer[index] == 0xE2 && index + 2 < buffer.count && buffer[index + 1] == 0x80
            && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9)
    }

    /// Quotes and escapes as JSON: `"`, `\\`, control characters, and
    /// U+2028 and U+2029 (so the output stays valid JavaScript for
    /// downstream tools). Runs of bytes that need no escape are copied
    /// whole.
    private mutating func writeString(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        append(byte: UInt8(ascii: "\""))
        text.utf8.withContiguousStorageIfAvailable { buffer in
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { append(run: UnsafeBufferPointer(rebasing: buffer[runStart..<end])) }
            }
            while index < buffer.count {
                // Most bytes need no escape: their run is skipped in a tight
                // loop, and only the bytes it stops at go through the switch
                // below (writing the records of 200 devset pages in a batch
                // worker fell from 0.124 G to 0.107 G instructions). 0xE2
                // stops it too: U+2028 and U+2029 begin with it.
                while index < buffer.count {
                    let byte = buffer[index]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 { break }
                    index += 1
                }
                guard index < buffer.count else { break }
                let byte = buffer[index]
                let escape: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20: escape = ""
                case 0xE2 where JSONWriter.isLineOrParagraphSeparator(buffer, at: index):
                    escape = ""
                    width = 3
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                flush(upTo: index)
                if escape.utf8CodeUnitCount > 0 {
                    append(escape)
                } else {
                    // \u and four hex digits: a control character, or U+2028/9.
                    let value: UInt32 = width == 3 ? (buffer[index + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(byte)
                    append("\\u")
                    for shift in stride(from: 12, through: 0, by: -4) {
                        append(byte: JSONWriter.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
                    }
                }
                index += width
                runStart = index
            }
            flush(upTo: buffer.count)
        }
        append(byte: UInt8(ascii: "\""))
    }
}
