/// A character encoding Winnow can decode, named as the WHATWG Encoding
/// Standard names it. Labels map to encodings the way browsers map them,
/// because pages are written against browsers: `iso-8859-1` and `ascii`
/// mean windows-1252, `gb2312` means GBK, `x-sjis` means Shift_JIS.
struct Charset: Hashable, Sendable {
    /// The WHATWG name, e.g. `windows-1251`.
    let name: String
    /// glibc's name for the converter, or nil for the encodings Winnow
    /// decodes itself (UTF-8 and windows-1252, the hot paths).
    let iconvName: String?
    /// Bytes per code unit, so a converter that meets a bad sequence skips
    /// a whole unit instead of falling out of step with the text.
    let unitWidth: Int

    init(name: String, iconvName: String?, unitWidth: Int = 1) {
        self.name = name
        self.iconvName = iconvName
        self.unitWidth = unitWidth
    }

    static let utf8 = Charset(name: "UTF-8", iconvName: nil)
    static let windows1252 = Charset(name: "windows-1252", iconvName: nil)
    static let utf16LE = Charset(name: "UTF-16LE", iconvName: "UTF-16LE", unitWidth: 2)
    static let utf16BE = Charset(name: "UTF-16BE", iconvName: "UTF-16BE", unitWidth: 2)
    // Not in the Encoding Standard; reached only through a byte-order mark.
    static let utf32LE = Charset(name: "UTF-32LE", iconvName: "UTF-32LE", unitWidth: 4)
    static let utf32BE = Charset(name: "UTF-32BE", iconvName: "UTF-32BE", unitWidth: 4)
    static let iso2022JP = Charset(name: "ISO-2022-JP", iconvName: "ISO-2022-JP")

    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }

    /// Whether ASCII bytes mean ASCII characters. UTF-16 is not, and
    /// ISO-2022-JP hides its kanji in ASCII bytes behind escape sequences.
    var isASCIICompatible: Bool { !isUTF16 && self != .iso2022JP && unitWidth == 1 }

    /// The encoding a label names, or nil for a label the standard does not
    /// know (or maps to its `replacement` decoder, which exists to blank out
    /// ISO-2022-KR and HZ pages; a cleaner would rather guess from the bytes).
    /// Surrounding whitespace and case are ignored, as the standard says.
    init?(label: String) {
        let key = String(decoding: label.utf8.filter { !CharsetLabels.isWhitespace($0) }.map { Text.lowercasedASCII($0) }, as: UTF8.self)
        // Labels never contain inner whitespace, so dropping all of it is
        // the same as trimming for every real label.
        guard let charset = CharsetLabels.table[key] else { return nil }
        self = charset
    }
}

/// The label table, kept apart from `Charset` because it is data.
enum CharsetLabels {
    /// Each encoding with glibc's converter name and the Encoding Standard's
    /// labels for it.
    private static let encodings: [(name: String, iconv: String?, labels: [String])] = [
        ("UTF-8", nil, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("IBM866", "IBM866", ["866", "cp866", "csibm866", "ibm866"]),
        ("ISO-8859-2", "ISO-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]),
        ("ISO-8859-3", "ISO-8859-3", ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]),
        ("ISO-8859-4", "ISO-8859-4", ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]),
        ("ISO-8859-5", "ISO-8859-5", ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]),
        ("ISO-8859-6", "ISO-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"]),
        ("ISO-8859-7", "ISO-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]),
        ("ISO-8859-8", "ISO-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"]),
        // The same bytes as ISO-8859-8; only the display direction differs.
        ("ISO-8859-8-I", "ISO-8859-8", ["csiso88598i", "iso-8859-8-i", "logical"]),
        ("ISO-8859-10", "ISO-8859-10", ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]),
        ("ISO-8859-13", "ISO-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"]),
        ("ISO-8859-14", "ISO-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"]),
        ("ISO-8859-15", "ISO-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("ISO-8859-16", "ISO-8859-16", ["iso-8859-16"]),
        ("KOI8-R", "KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        // The standard's KOI8-U is glibc's KOI8-RU (it adds the Belarusian ў).
        ("KOI8-U", "KOI8-RU", ["koi8-ru", "koi8-u"]),
        ("macintosh", "MACINTOSH", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        ("windows-874", "CP874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("windows-1250", "CP1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", "CP1251", ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1252", nil, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"]),
        ("windows-1253", "CP1253", ["cp1253", "windows-1253", "x-cp1253"]),
        ("windows-1254", "CP1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"]),
        ("windows-1255", "CP1255", ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1256", "CP1256", ["cp1256", "windows-1256", "x-cp1256"]),
        ("windows-1257", "CP1257", ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", "CP1258", ["cp1258", "windows-1258", "x-cp1258"]),
        ("x-mac-cyrillic", "MAC-CYRILLIC", ["x-mac-cyrillic", "x-mac-ukrainian"]),
        // GBK and GB18030 share one decoder in the standard; GB18030 is the
        // superset, so pages labelled gb2312 but using GBK characters decode.
        ("GBK", "GB18030", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"]),
        ("gb18030", "GB18030", ["gb18030"]),
        ("Big5", "BIG5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("EUC-JP", "EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("ISO-2022-JP", "ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
        // The web's Shift_JIS is Microsoft's code page 932: its extensions
        // (NEC row 13, IBM kanji) are common and plain SJIS rejects them.
        ("Shift_JIS", "CP932", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        // Likewise the web's EUC-KR is Microsoft's superset, code page 949.
        ("EUC-KR", "CP949", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]),
        ("UTF-16BE", "UTF-16BE", ["unicodefffe", "utf-16be"]),
        ("UTF-16LE", "UTF-16LE", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
    ]

    static let table: [String: Charset] = {
        var table: [String: Charset] = [:]
        for encoding in encodings {
            let charset: Charset
            switch encoding.name {
            case Charset.utf8.name: charset = .utf8
            case Charset.windows1252.name: charset = .windows1252
            case Charset.utf16LE.name: charset = .utf16LE
            case Charset.utf16BE.name: charset = .utf16BE
            case Charset.iso2022JP.name: charset = .iso2022JP
            default: charset = Charset(name: encoding.name, iconvName: encoding.iconv)
            }
            for label in encoding.labels { table[label] = charset }
        }
        return table
    }()

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
