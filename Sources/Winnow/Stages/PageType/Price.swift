/// Whether a short text shows a price: a currency sign or code beside a
/// number (`$19.99`, `£ 5`, `19,99 €`, `1.299,00 EUR`, `USD 40`).
enum Price {
    static let signs: [Character] = ["$", "£", "€", "¥", "₹", "₩", "₽"]
    static let codes = ["usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "sek", "nok", "dkk", "pln", "kr", "zł"]

    static func appears(in text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where signs.contains(character) {
            if isDigit(at: index + 1, in: characters) || isDigit(at: index + 2, in: characters) && characters[index + 1] == " " {
                return true
            }
            if isDigit(at: index - 1, in: characters) || isDigit(at: index - 2, in: characters) && characters[index - 1] == " " {
                return true
            }
        }
        guard text.contains(where: \.isNumber) else { return false }
        let words = text.split { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "," }
        for (first, second) in zip(words, words.dropFirst()) {
            if codes.contains(String(first)), second.first?.isNumber == true { return true }
            if codes.contains(String(second)), first.last?.isNumber == true { return true }
        }
        return false
    }

    private static func isDigit(at index: Int, in characters: [Character]) -> Bool {
        characters.indices.contains(index) && characters[index].isASCII && characters[index].isNumber
    }
}
