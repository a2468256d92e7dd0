/// HTTP/1.1 chunked transfer coding: a crawler that saved the raw wire
/// bytes saved the chunk sizes between pieces of the page.
enum ChunkedBody {
    /// The body without its chunk framing, or why it cannot be read.
    static func decode(_ body: ArraySlice<UInt8>, limit: Int) -> Result<[UInt8], InputError> {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = body.startIndex
        while true {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else {
                return .failure(malformed("the body ends before its last chunk"))
            }
            var sizeText = body[index..<lineEnd]
            if sizeText.last == 0x0D { sizeText = sizeText.dropLast() }
            if let semicolon = sizeText.firstIndex(of: UInt8(ascii: ";")) { sizeText = sizeText[..<semicolon] }
            let text = String(decoding: sizeText, as: UTF8.self).trimmingASCIIWhitespace()
            guard !text.isEmpty, text.count <= 15, let size = Int(text, radix: 16) else {
                return .failure(malformed("bad chunk size line at byte \(index - body.startIndex)"))
            }
            index = lineEnd + 1
            if size == 0 { return .success(output) }  // trailers, if any, are not page text
            guard body.endIndex - index >= size else {
                return .failure(malformed("a chunk of \(size) bytes runs past the end of the body"))
            }
            guard output.count + size <= limit else {
                return .failure(InputError(kind: "too-large", message: "page too large: over \(limit) bytes once dechunked"))
            }
            output.append(contentsOf: body[index..<(index + size)])
            index += size
            // The CRLF after the chunk's data.
            if index < body.endIndex, body[index] == 0x0D { index += 1 }
            if index < body.endIndex, body[index] == 0x0A { index += 1 }
        }
    }

    private static func malformed(_ reason: String) -> InputError {
        InputError(kind: "http-chunked", message: "bad chunked transfer coding: \(reason)")
    }
}
