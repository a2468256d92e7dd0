/// Whether a short text shows a price: a currency sign or code beside a
/// number (`$19.99`, `£ 5`, `19,99 €`, `1.299,00 EUR`, `USD 40`), read on
/// the text's bytes (ASCII lower-cased): the page-type walk asks it of
/// every short text that holds a digit.
enum Price {
    /// Currency signs, as UTF-8: $ £ € ¥ ₹ ₩ ₽.
    static let signs: [[UInt8]] = ["$", "£", "€", "¥", "₹", "₩", "₽"].map { Array($0.utf8) }
    /// Currency codes and words written beside amounts (lower case).
    static let codes: [[UInt8]] = ["usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "sek", "nok", "dkk", "pln", "kr", "zł"]
        .map { Array($0.utf8) }

    static func appears(in bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        func isLetter(_ index: Int) -> Bool {
            index >= 0 && index < count && (bytes[index] >= 0x61 && bytes[index] <= 0x7A || bytes[index] >= 0x80)
        }
        /// A digit right before `start` or right after `end`, or one space away.
        func digitBeside(_ start: Int, _ end: Int) -> Bool {
            isDigit(start - 1) || isDigit(end) || (start >= 2 && bytes[start - 1] == 0x20 && isDigit(start - 2))
                || (end + 1 < count && bytes[end] == 0x20 && isDigit(end + 1))
        }
        func matches(_ token: [UInt8], at start: Int) -> Bool {
            guard start + token.count <= count else { return false }
            for offset in token.indices where bytes[start + offset] != token[offset] { return false }
            return true
        }
        for start in 0..<count {
            let byte = bytes[start]
            if byte == 0x24 || byte >= 0xC2 {
                for sign in signs where matches(sign, at: start) && digitBeside(start, start + sign.count) { return true }
            }
            // A code is a word of its own: no letter just before or after.
            if byte >= 0x61 && byte <= 0x7A || byte >= 0x80, !isLetter(start - 1) {
                for code in codes where matches(code, at: start) && !isLetter(start + code.count) {
                    if digitBeside(start, start + code.count) { return true }
                }
            }
        }
        return false
    }

    /// The same question of a String (for tests and callers without bytes).
    static func appears(in text: String) -> Bool {
        var bytes = Array(text.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { appears(in: $0) }
    }
}
