/// A set of class/id words asked about the words of `NameWords`, whose
/// hashes are in hand: a word's `NameHash` is looked up among the set's
/// first (a binary search over a few dozen integers), and the word itself
/// only when its hash is there. `Set<String>.contains` would hash every
/// word of every element with SipHash.
struct WordSet: Sendable {
    let words: Set<String>
    /// The words' `NameHash`es, sorted.
    private let hashes: [UInt64]

    init(_ words: Set<String>) {
        self.words = words
        hashes = words.map(NameHash.of).sorted()
    }

    /// Whether a word of this hash may be in the set (it is not, when no
    /// word of the set has the hash).
    func mayContain(hash: UInt64) -> Bool {
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    /// Whether `word`, whose `NameHash` is `hash`, is in the set.
    func contains(_ word: String, hash: UInt64) -> Bool {
        mayContain(hash: hash) && words.contains(word)
    }

    /// Whether a word of `words` at `positions` (a token's, from
    /// `NameWords.firstToken` or `tokens`) is in the set.
    func containsWord(of words: NameWords, at positions: Range<Int>) -> Bool {
        for position in positions where contains(words.words[position], hash: words.wordHashes[position]) { return true }
        return false
    }
}
