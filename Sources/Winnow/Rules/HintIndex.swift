/// The class/id word hints of several rules, indexed by their first word:
/// an element's words are each looked up once, instead of every hint of
/// every rule being tried against every token. Answers the first rule, in
/// rule order, whose hint matches (with the same qualifier and layout
/// exceptions as `NameWords.contains`).
struct HintIndex<Value> {
    private struct Entry {
        let order: Int
        let words: [String]
        let value: Value
    }

    private var byFirstWord: [String: [Entry]] = [:]

    var isEmpty: Bool { byFirstWord.isEmpty }

    init(_ hints: [([WordHint], Value)]) {
        for (order, (hintList, value)) in hints.enumerated() {
            for hint in hintList where !hint.words.isEmpty {
                byFirstWord[hint.words[0], default: []].append(Entry(order: order, words: hint.words, value: value))
            }
        }
    }

    func firstMatch(_ names: NameWords, exceptLayoutTokens: Bool) -> Value? {
        var best: Entry?
        for words in names.tokens {
            for start in words.indices {
                guard let entries = byFirstWord[words[start]] else { continue }
                for entry in entries where best.map({ entry.order < $0.order }) ?? true {
                    if HintIndex.matches(entry.words, in: words, at: start, exceptLayoutTokens: exceptLayoutTokens) {
                        best = entry
                    }
                }
            }
        }
        return best?.value
    }

    private static func matches(_ hint: [String], in words: [String], at start: Int, exceptLayoutTokens: Bool) -> Bool {
        let end = start + hint.count
        guard end <= words.count else { return false }
        for offset in 1..<max(hint.count, 1) where words[start + offset] != hint[offset] { return false }
        for index in 0..<start where NameWords.qualifierWords.contains(words[index]) { return false }
        if exceptLayoutTokens {
            for index in words.indices where (index < start || index >= end) && NameWords.contentWords.contains(words[index]) {
                return false
            }
        }
        return true
    }
}
