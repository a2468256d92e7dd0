#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc's `iconv`, for the legacy encodings Winnow does not decode itself.
/// A bad or truncated sequence becomes U+FFFD and conversion goes on, so a
/// page is never cut short at its first broken character.
enum Iconv {
    struct Conversion {
        var utf8: [UInt8]
        /// Code units that could not be converted.
        var replacements: Int
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
    /// Room kept free in the output for any one character or replacement.
    private static let minimumFreeSpace = 16

    /// Converts `bytes` from glibc's encoding `name` to UTF-8; nil when glibc
    /// has no such converter. `unitWidth` is how many bytes to skip past a
    /// sequence the converter rejects.
    static func convert(_ bytes: ArraySlice<UInt8>, from name: String, unitWidth: Int) -> Conversion? {
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }

        // Most legacy text grows by half in UTF-8 (two bytes a CJK
        // character becomes three); the buffer grows if that is not enough.
        var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 2 + minimumFreeSpace)
        var written = 0
        var replacements = 0

        func makeRoom() {
            if output.count - written < minimumFreeSpace || output.count == written {
                output.append(contentsOf: repeatElement(0, count: max(output.count, minimumFreeSpace)))
            }
        }
        func appendReplacement() {
            makeRoom()
            output.replaceSubrange(written..<written + replacementCharacter.count, with: replacementCharacter)
            written += replacementCharacter.count
            replacements += 1
        }

        bytes.withUnsafeBufferPointer { input in
            var consumed = 0
            while consumed < input.count {
                makeRoom()
                var inputLeft = input.count - consumed
                var outputLeft = output.count - written
                let (result, failure) = output.withUnsafeMutableBufferPointer { buffer -> (Int, Int32) in
                    // iconv takes `char **`; UInt8 and CChar share a layout.
                    var inputPointer: UnsafeMutablePointer<CChar>? =
                        UnsafeMutablePointer(OpaquePointer(input.baseAddress! + consumed))
                    var outputPointer: UnsafeMutablePointer<CChar>? =
                        UnsafeMutablePointer(OpaquePointer(buffer.baseAddress! + written))
                    let result = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    return (result, errno)
                }
                consumed = input.count - inputLeft
                written = output.count - outputLeft
                guard result == -1 else { break }
                switch failure {
                case E2BIG:
                    // The next pass makes room and carries on.
                    output.append(contentsOf: repeatElement(0, count: output.count))
                case EINVAL:
                    // A sequence cut off by the end of the page.
                    appendReplacement()
                    consumed = input.count
                default:
                    // EILSEQ, or anything else: skip one unit so the loop
                    // always moves forward.
                    appendReplacement()
                    consumed = min(input.count, consumed + unitWidth)
                    // A stateful converter (ISO-2022-JP) resets to ASCII.
                    _ = iconv(converter, nil, nil, nil, nil)
                }
            }
        }
        output.removeSubrange(written...)
        return Conversion(utf8: output, replacements: replacements)
    }
}
