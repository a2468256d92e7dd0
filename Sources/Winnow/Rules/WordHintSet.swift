/// Several word hints asked together: does any of them name an element?
/// Each of the element's words is looked up once in an index of the hints'
/// first words (`HintIndex`), instead of each hint scanning the words: the
/// walks ask this of every element with a class or an id.
struct WordHintSet: Sendable {
    let hints: [WordHint]
    private let index: HintIndex<Bool>

    init(_ hints: [WordHint]) {
        self.hints = hints
        index = HintIndex([(hints, true)])
    }

    /// Whether one of the hints matches `words` as `NameWords.contains`
    /// would match it.
    func anyMatches(_ words: NameWords) -> Bool {
        !words.isEmpty && index.firstMatch(words, exceptLayoutTokens: false) != nil
    }
}
