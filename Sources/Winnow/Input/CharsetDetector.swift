import CUchardet

/// The charset of a page's bytes as uchardet guesses it, for the pages
/// that are not UTF-8 and declare nothing usable: a windows-1251 page
/// without `<meta charset>` was read as windows-1252 (mojibake, exit 0).
enum CharsetDetector {
    /// uchardet's names that are no label of the Encoding Standard, mapped
    /// to the label of the same encoding.
    static let aliases: [String: String] = [
        "mac-cyrillic": "x-mac-cyrillic",
        "iso-8859-1": "windows-1252",
        "uhc": "windows-949",
    ]

    /// Bytes above ASCII needed before uchardet is asked: with fewer, its
    /// guess is a coin toss ("café–" alone came out windows-1250) and
    /// windows-1252, the web's default, stands. Cut to 2, 4, 8, … accented
    /// or Cyrillic letters, paragraphs of French, German, Spanish,
    /// Portuguese and Polish were told right from 2, Russian windows-1251
    /// from 8: twice that.
    static let minimumEvidence = 16

    /// The encoding uchardet names for `bytes`, when it names one Winnow
    /// decodes and that reads ASCII as ASCII (as markup needs); nil when it
    /// is unsure (it answers nothing) or names another.
    static func detect(_ bytes: ArraySlice<UInt8>) -> Charset? {
        var evidence = 0
        for byte in bytes where byte >= 0x80 {
            evidence += 1
            if evidence >= minimumEvidence { break }
        }
        guard evidence >= minimumEvidence, let detector = uchardet_new() else { return nil }
        defer { uchardet_delete(detector) }
        let status = bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return uchardet_handle_data(detector, base.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard status == 0 else { return nil }
        uchardet_data_end(detector)
        guard let answer = uchardet_get_charset(detector) else { return nil }
        let label = String(cString: answer).lowercased()
        guard !label.isEmpty, let charset = Charset(label: aliases[label] ?? label), charset.isASCIICompatible else {
            return nil
        }
        return charset
    }
}
