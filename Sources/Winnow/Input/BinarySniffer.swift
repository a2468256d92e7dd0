/// Tells binary files (an image renamed `.html`, a PDF, an archive) from
/// markup before any decoding, so they get a clear error instead of an
/// empty article.
public enum BinarySniffer {
    static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"),
        (Array("%PDF-".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip data"),
        (Array("RIFF".utf8), "RIFF media"),
        ([0x00, 0x00, 0x01, 0x00], "icon"),
        (Array("wOFF".utf8), "web font"),
        (Array("wOF2".utf8), "web font"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ]
    /// How much of the start is looked at.
    static let window = 1024
    /// Share of control bytes above which a file is not text. UTF-16 text
    /// has many NULs, so a UTF-16 byte-order mark is checked first. Random
    /// data has 27 control bytes in 256 (10.5%): the bound sits well below
    /// that, and well above the stray control bytes of real pages.
    static let maximumControlShare = 0.05

    public static func reasonNotHTML(_ bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            return "looks like a \(signature.name)"
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let head = bytes.prefix(window)
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }.count
        if Double(controls) > maximumControlShare * Double(head.count) {
            return "\(controls) control bytes in the first \(head.count)"
        }
        if !head.contains(UInt8(ascii: "<")) && bytes.count > window {
            return "no markup in the first \(head.count) bytes"
        }
        return nil
    }
}
