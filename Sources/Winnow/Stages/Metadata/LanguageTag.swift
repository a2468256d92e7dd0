/// A language as a page declares it (`en`, `en_US`, `pt-BR`), checked and
/// written as a BCP 47 tag (`en-US`). Anything else (`{{lang}}`, `English`)
/// is refused.
enum LanguageTag {
    static func normalize(_ raw: String) -> String? {
        // `content-language` may list several: the first is the main one.
        let first = raw.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).first ?? ""
        let subtags = first.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard let primary = subtags.first, (2...3).contains(primary.count), primary.allSatisfy(isASCIILetter)
        else { return nil }
        var parts = [primary.lowercased()]
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count), subtag.allSatisfy({ isASCIILetter($0) || $0.isASCII && $0.isNumber })
            else { return nil }
            // Regions are upper case (`US`), scripts title case (`Hant`).
            if subtag.count == 2, subtag.allSatisfy(isASCIILetter) {
                parts.append(subtag.uppercased())
            } else if subtag.count == 4, subtag.allSatisfy(isASCIILetter) {
                parts.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            } else {
                parts.append(String(subtag))
            }
        }
        return parts.joined(separator: "-")
    }

    private static func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
