/// Turns page bytes into valid UTF-8 for libxml2. (First version: BOM,
/// UTF-8 validation, else windows-1252 read as Latin-1.)
public enum CharsetDecoder {
    public static func utf8(from bytes: [UInt8], declared: String? = nil) -> [UInt8] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if String(validating: body, as: UTF8.self) != nil {
            return body.map { $0 == 0 ? 0x20 : $0 }
        }
        var output: [UInt8] = []
        output.reserveCapacity(body.count * 2)
        for byte in body {
            if byte == 0 {
                output.append(0x20)
            } else {
                output.append(contentsOf: String(Character(Unicode.Scalar(byte))).utf8)
            }
        }
        return output
    }
}
