/// Whitespace handling shared by every stage that reads text.
public enum Text {
    /// Collapses runs of white space (including non-breaking spaces) to one
    /// space and trims both ends.
    public static func collapsingWhitespace<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The number of characters in `text` that are not white space.
    public static func visibleLength<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isSpace(scalar) { count += 1 }
        return count
    }
}
