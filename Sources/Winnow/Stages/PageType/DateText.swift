/// Whether a short text reads as a date or a time ago: a month's name (or
/// its first three letters) beside a number ("March 5, 2024", "5 Mar"),
/// an ISO date (`2024-03-05`), or "N … ago". Read on ASCII-lower-cased
/// bytes, as `Price` is; English only, which is what the sign is weighed
/// on, and a page in another language simply shows fewer.
enum DateText {
    static let months: Set<[UInt8]> = Set([
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) })
    static let ago = Array(" ago".utf8)

    static func appears(in bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        func isLetter(_ index: Int) -> Bool { index >= 0 && index < count && bytes[index] >= 0x61 && bytes[index] <= 0x7A }
        func matches(_ token: [UInt8], at start: Int) -> Bool {
            guard start + token.count <= count else { return false }
            for offset in token.indices where bytes[start + offset] != token[offset] { return false }
            return true
        }
        var start = 0
        while start < count {
            // yyyy-mm-dd
            if start + 10 <= count, (0..<4).allSatisfy({ isDigit(start + $0) }), bytes[start + 4] == 0x2D, isDigit(start + 5),
                isDigit(start + 6), bytes[start + 7] == 0x2D, isDigit(start + 8), isDigit(start + 9)
            {
                return true
            }
            if isLetter(start), !isLetter(start - 1) {
                var end = start
                while isLetter(end) { end += 1 }
                if end - start <= 9, months.contains(Array(bytes[start..<end])) {
                    // A number within three bytes on either side.
                    if (1...3).contains(where: { isDigit(end + $0) || isDigit(start - $0 - 1) }) { return true }
                }
                start = end
                continue
            }
            start += 1
        }
        guard let last = (0..<count).last(where: isDigit) else { return false }
        var index = last + 1
        while index < count, bytes[index] != 0x20 { index += 1 }
        while index < count {
            if matches(ago, at: index) { return true }
            index += 1
        }
        return false
    }

    static func appears(in text: String) -> Bool {
        var bytes = Array(text.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { appears(in: $0) }
    }
}
