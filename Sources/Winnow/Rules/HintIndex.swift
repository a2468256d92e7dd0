/// The class/id word hints of several rules, indexed by their first word:
/// an element's words are each looked up once, instead of every hint of
/// every rule being tried against every token. Answers the first rule, in
/// rule order, whose hint matches (with the same qualifier and layout
/// exceptions as `NameWords.contains`).
struct HintIndex<Value> {
    fileprivate struct Entry {
        let order: Int
        let hint: WordHint
        let value: Value
    }

    private let byFirstWord: NameTable<[Entry]>
    /// A bit per hint's first word, at its hash's low ten bits: a word
    /// whose bit is clear starts no hint. Most elements' words all miss,
    /// and are ruled out without a table lookup a word.
    private let firstWordBits: [UInt64]
    private static var bitCount: UInt64 { 1024 }

    var isEmpty: Bool { byFirstWord.isEmpty }

    init(_ hints: [([WordHint], Value)]) {
        var byFirstWord: [String: [Entry]] = [:]
        var firstWordBits = [UInt64](repeating: 0, count: Int(HintIndex.bitCount / 64))
        for (order, (hintList, value)) in hints.enumerated() {
            for hint in hintList where !hint.words.isEmpty {
                byFirstWord[hint.words[0], default: []].append(Entry(order: order, hint: hint, value: value))
                let bit = hint.hashes[0] % HintIndex.bitCount
                firstWordBits[Int(bit / 64)] |= 1 << (bit % 64)
            }
        }
        self.byFirstWord = NameTable(byFirstWord.map { ($0.key, $0.value) })
        self.firstWordBits = firstWordBits
    }

    /// Whether some word's bit is set in `firstWordBits` (the 0s that end
    /// tokens in `NameWords.wordHashes` are no words).
    private func mayStartHint(_ hashes: [UInt64]) -> Bool {
        hashes.contains { hash in
            let bit = hash % HintIndex.bitCount
            return hash != 0 && firstWordBits[Int(bit / 64)] & (1 << (bit % 64)) != 0
        }
    }

    func firstMatch(_ names: NameWords, exceptLayoutTokens: Bool) -> Value? {
        guard mayStartHint(names.wordHashes) else { return nil }
        var best: Entry?
        _ = names.firstToken { range in
            let words = names.words[range]
            for start in range {
                guard let entries = byFirstWord.value(for: words[start], hash: names.wordHashes[start]) else { continue }
                for entry in entries where best.map({ entry.order < $0.order }) ?? true {
                    if HintIndex.matches(entry.hint, in: words, hashes: names.wordHashes, at: start, exceptLayoutTokens: exceptLayoutTokens) {
                        best = entry
                    }
                }
            }
            return false
        }
        return best?.value
    }

    private static func matches(
        _ hint: WordHint, in words: ArraySlice<String>, hashes: [UInt64], at start: Int, exceptLayoutTokens: Bool
    ) -> Bool {
        let end = start + hint.words.count
        guard end <= words.endIndex else { return false }
        for index in 1..<max(hint.words.count, 1)
        where hashes[start + index] != hint.hashes[index] || words[start + index] != hint.words[index] {
            return false
        }
        if NameWords.isQualified(words, before: start) { return false }
        if exceptLayoutTokens, NameWords.namesLayout(words, outside: start..<end) { return false }
        return true
    }
}

extension HintIndex: Sendable where Value: Sendable {}
extension HintIndex.Entry: Sendable where Value: Sendable {}
