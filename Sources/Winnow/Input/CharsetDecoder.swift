/// Turns page bytes into valid UTF-8 for libxml2, weighing every signal and
/// trusting none blindly:
///
/// 1. A byte-order mark settles it.
/// 2. Bytes that are well-formed UTF-8 with non-ASCII text are UTF-8, whatever
///    the page or its headers declare: real crawls hold many UTF-8 pages that
///    still declare ISO-8859-1 or GB2312, and legacy text almost never
///    happens to be well-formed UTF-8.
/// 3. Otherwise the caller's charset (HTTP or WARC headers), then the page's
///    `<meta>` (or `<?xml?>`) declaration, as browsers order them.
/// 4. With no usable declaration, UTF-8 if the bytes mostly are, else the
///    charset uchardet detects in them (`CharsetDetector`), else
///    windows-1252 (where `\x96` is an en dash, as the author meant).
///
/// NUL bytes become spaces, because libxml2 stops reading at a NUL.
public enum CharsetDecoder {
    /// What a NUL byte becomes. A space rather than U+FFFD: NULs in pages are
    /// padding or debris, and a space adds no visible junk to the text.
    static let nulReplacement = UInt8(ascii: " ")

    /// Well-formed UTF-8 sequences needed per stray byte to read a page that
    /// declares UTF-8, or nothing, as UTF-8 with repairs.
    static let utf8RatioWithoutContrary = 1
    /// The same, against a page that declares a legacy encoding: the bytes
    /// must outvote the declaration clearly, since in multi-byte legacy text
    /// some character pairs do form UTF-8.
    static let utf8RatioAgainstDeclaration = 8

    private static let escape: UInt8 = 0x1B

    /// The page as UTF-8; see `decode(_:declared:)`.
    public static func utf8(from bytes: [UInt8], declared: String? = nil) -> [UInt8] {
        decode(bytes, declared: declared).utf8
    }

    /// Decodes `bytes` to UTF-8. `declared` is a charset label the caller
    /// knows from transport headers; the bytes may overrule it.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> DecodedPage {
        if let mark = ByteOrderMark.detect(bytes) {
            let body = bytes[mark.length...]
            let declaration = mark.charset == .utf8 ? CharsetDeclaration.find(in: body) : nil
            let survey = mark.charset == .utf8 ? UTF8Survey(body) : nil
            // A converter exists for every charset a mark names; an empty
            // page is the fallback should glibc lack one.
            let decoded = convert(body, from: mark.charset, survey: survey) ?? ([], 0)
            return DecodedPage(
                utf8: decoded.utf8, charset: mark.charset.name, signal: .byteOrderMark,
                declaredCharset: declaration?.label, replacedBytes: decoded.replaced)
        }

        let body = bytes[...]
        let survey = UTF8Survey(body)
        let declaration = CharsetDeclaration.find(in: body)
        let candidates = rankedDeclarations(transport: declared.flatMap(Charset.init(label:)), page: declaration?.charset)
        func page(_ decoded: (utf8: [UInt8], replaced: Int), _ charset: Charset, _ signal: CharsetSignal) -> DecodedPage {
            DecodedPage(
                utf8: decoded.utf8, charset: charset.name, signal: signal,
                declaredCharset: declaration?.label, replacedBytes: decoded.replaced)
        }

        // Encodings whose text can pass for ASCII or UTF-8, told by the
        // bytes that UTF-8 markup never has: NULs for UTF-16, the escape
        // byte that switches ISO-2022-JP into kanji.
        for candidate in candidates {
            let isEvident =
                (candidate.charset.isUTF16 && survey.containsNUL)
                || (candidate.charset == .iso2022JP && body.contains(escape))
            if isEvident, let decoded = convert(body, from: candidate.charset, survey: survey) {
                return page(decoded, candidate.charset, candidate.signal)
            }
        }

        if survey.isValid {
            // The fast path: most pages end here with the input untouched.
            let utf8 = survey.containsNUL ? replacingNULs(bytes) : bytes
            if !survey.isASCII {
                let agreeing = candidates.first { $0.charset == .utf8 }
                return page((utf8, 0), .utf8, agreeing?.signal ?? .bytes)
            }
            // Pure ASCII reads the same in every ASCII-compatible charset,
            // so the declaration stands.
            let declared = candidates.first { $0.charset.isASCIICompatible }
            return page((utf8, 0), declared?.charset ?? .utf8, declared?.signal ?? .bytes)
        }

        let repair = { (UTF8Repair.repaired(body, invalidBytes: survey.invalidBytes), survey.invalidBytes) }
        for (index, candidate) in candidates.enumerated() where candidate.charset.isASCIICompatible {
            if candidate.charset == .utf8 {
                // A UTF-8 claim the bytes mostly bear out is kept and its
                // strays mended; one they do not is passed over for a later
                // legacy declaration, if there is one.
                let legacyFollows = candidates[(index + 1)...].contains { $0.charset != .utf8 && $0.charset.isASCIICompatible }
                if survey.isMostlyUTF8(ratio: utf8RatioWithoutContrary) || !legacyFollows {
                    return page(repair(), .utf8, candidate.signal)
                }
                continue
            }
            if survey.isMostlyUTF8(ratio: utf8RatioAgainstDeclaration) {
                return page(repair(), .utf8, .bytes)
            }
            if let decoded = convert(body, from: candidate.charset, survey: survey) {
                return page(decoded, candidate.charset, candidate.signal)
            }
        }
        if survey.isMostlyUTF8(ratio: utf8RatioWithoutContrary) {
            return page(repair(), .utf8, .bytes)
        }
        if let detected = CharsetDetector.detect(body), detected != .utf8, detected != .windows1252,
            let decoded = convert(body, from: detected, survey: survey)
        {
            return page(decoded, detected, .detected)
        }
        return page(convert(body, from: .windows1252, survey: survey) ?? ([], 0), .windows1252, .fallback)
    }

    /// Whether `label` names an encoding Winnow decodes (a label of the
    /// WHATWG Encoding Standard: `utf-8`, `latin1`, `windows-1251`, `sjis`…).
    public static func recognizes(label: String) -> Bool {
        Charset(label: label) != nil
    }

    /// The declared charsets in the order they are tried: the caller's
    /// first, as in browsers, except that a caller's windows-1252 yields to
    /// the page's own declaration, because it is what servers send when
    /// nobody configured a charset.
    private static func rankedDeclarations(transport: Charset?, page: Charset?) -> [(charset: Charset, signal: CharsetSignal)] {
        var ranked: [(charset: Charset, signal: CharsetSignal)] = []
        if let transport { ranked.append((transport, .transport)) }
        if let page, page != transport {
            let entry = (charset: page, signal: CharsetSignal.declaration)
            if transport == .windows1252 { ranked.insert(entry, at: 0) } else { ranked.append(entry) }
        }
        return ranked
    }

    /// `body` decoded from `charset`, with the number of bytes that did not
    /// fit; nil when glibc has no converter for it.
    private static func convert(_ body: ArraySlice<UInt8>, from charset: Charset, survey: UTF8Survey?) -> (utf8: [UInt8], replaced: Int)? {
        switch charset {
        case .utf8:
            let survey = survey ?? UTF8Survey(body)
            if survey.isValid { return (survey.containsNUL ? replacingNULs(Array(body)) : Array(body), 0) }
            return (UTF8Repair.repaired(body, invalidBytes: survey.invalidBytes), survey.invalidBytes)
        case .windows1252:
            return (Windows1252.decode(body), body.reduce(0) { $0 + (Windows1252.isUnassigned($1) ? 1 : 0) })
        default:
            guard let name = charset.iconvName,
                let conversion = Iconv.convert(body, from: name, unitWidth: charset.unitWidth)
            else { return nil }
            let utf8 = conversion.utf8.contains(0) ? replacingNULs(conversion.utf8) : conversion.utf8
            return (utf8, conversion.replacements)
        }
    }

    private static func replacingNULs(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0 { buffer[index] = nulReplacement }
        }
        return bytes
    }
}
