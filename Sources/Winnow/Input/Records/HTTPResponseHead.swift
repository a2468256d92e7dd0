/// The status line and headers at the start of a WARC `response` block:
/// what says whether the body is an HTML page, in which charset, and how
/// it was framed and compressed on the wire.
struct HTTPResponseHead {
    let status: Int
    /// Header names lowercased, values trimmed, in order.
    let headers: [(name: String, value: String)]
    /// Where the body starts in the block.
    let bodyStart: Int

    /// The largest head read; a longer one is not an HTTP response head.
    static let maximumLength = 1 << 16

    /// Parses the head at the start of `block`, or says why it is not one.
    static func parse(_ block: [UInt8]) -> Result<HTTPResponseHead, InputError> {
        guard block.starts(with: Array("HTTP/".utf8)) else {
            return .failure(invalid("the block does not start with an HTTP status line"))
        }
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        var bodyStart: Int?
        let limit = min(block.count, maximumLength)
        while index < limit {
            if block[index] == 0x0A {
                var line = block[lineStart..<index]
                if line.last == 0x0D { line = line.dropLast() }
                index += 1
                lineStart = index
                if line.isEmpty {
                    bodyStart = index
                    break
                }
                lines.append(line)
                continue
            }
            index += 1
        }
        guard let bodyStart, let statusLine = lines.first else {
            return .failure(
                invalid(
                    block.count > maximumLength
                        ? "HTTP head longer than \(maximumLength) bytes" : "HTTP head without its closing blank line"))
        }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else {
            return .failure(invalid("bad HTTP status line"))
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if let first = line.first, first == 0x20 || first == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += " " + trimmed(line)
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            headers.append((trimmed(line[..<colon]).lowercased(), trimmed(line[(colon + 1)...])))
        }
        return .success(HTTPResponseHead(status: status, headers: headers, bodyStart: bodyStart))
    }

    /// The first value of a header (name in lower case).
    func value(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    var mediaType: String? {
        guard let type = value("content-type") else { return nil }
        let bare = type.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let result = bare.trimmingASCIIWhitespace().lowercased()
        return result.isEmpty ? nil : result
    }

    /// The `charset` parameter of `Content-Type`.
    var charset: String? {
        guard let type = value("content-type") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingASCIIWhitespace().lowercased() == "charset" else { continue }
            var charset = pair[1].trimmingASCIIWhitespace()
            if charset.hasPrefix("\""), charset.hasSuffix("\""), charset.count >= 2 {
                charset = String(charset.dropFirst().dropLast())
            }
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// The codings of a list header (`Transfer-Encoding`, `Content-Encoding`),
    /// lowercased, in the order they were applied; `identity` left out.
    func codings(_ name: String) -> [String] {
        headers.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace().lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
    }

    private static func invalid(_ reason: String) -> InputError {
        InputError(kind: "http-bad-header", message: reason)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespace()
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs (HTTP's OWS).
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
