import CLibXML2

/// The length and the opening words of a run of text nodes, read from
/// libxml2's bytes: characters are counted as `Text.collapsingWhitespace`
/// would leave them (runs of white space count as one space, none at the
/// ends), and only the first `limit` of them become a String.
struct TextSummary {
    let limit: Int
    private(set) var count = 0
    private var kept: [UInt8] = []
    private var keptCharacters = 0
    private var pendingSpace = false

    init(limit: Int) {
        self.limit = limit
    }

    var excerpt: String { String(decoding: kept, as: UTF8.self) }

    mutating func add(_ content: UnsafePointer<xmlChar>) {
        var index = 0
        while content[index] != 0 {
            let byte = content[index]
            // Start of a character: ASCII, or a UTF-8 lead byte.
            let length: Int
            switch byte {
            case 0..<0x80: length = 1
            case 0xC0..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0...: length = 4
            default: length = 1  // a stray continuation byte; libxml2 gave valid UTF-8
            }
            let isSpace =
                byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
                || (byte == 0xC2 && content[index + 1] == 0xA0)
            if isSpace {
                pendingSpace = count > 0
            } else {
                if pendingSpace {
                    count += 1
                    if keptCharacters < limit {
                        kept.append(0x20)
                        keptCharacters += 1
                    }
                    pendingSpace = false
                }
                count += 1
                if keptCharacters < limit {
                    var offset = 0
                    while offset < length, content[index + offset] != 0 {
                        kept.append(content[index + offset])
                        offset += 1
                    }
                    keptCharacters += 1
                }
            }
            var step = 1
            while step < length, content[index + step] != 0 { step += 1 }
            index += step
        }
    }
}
