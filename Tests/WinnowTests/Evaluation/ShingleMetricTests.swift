import Testing
@testable import Winnow

/// The metric of `score.py`, on the hand-made cases of its own self-test
/// (`score.py --selftest`), case for case, plus Python's `\w` on Unicode.
@Suite struct ShingleMetricTests {
    static let article = "The quick brown fox jumps over the lazy dog near the river bank today."

    func match(_ truth: String, _ prediction: String) -> ShingleMatch {
        ShingleMatch(truth: truth, prediction: prediction)
    }

    func triple(_ m: ShingleMatch) -> [Double] {
        [m.truePositives, m.falsePositives, m.falseNegatives]
    }

    @Test func identicalIsOneDisjointIsZero() {
        #expect(ShingleScore([match(Self.article, Self.article)]).f1 == 1)
        let disjoint = ShingleScore([match(Self.article, "Completely different words are written in this other text.")])
        #expect(disjoint.f1 == 0 && disjoint.precision == 0 && disjoint.recall == 0)
    }

    @Test func tokensAreWordRunsWithCaseKept() {
        #expect(triple(match("Hello, world: one two", "hello world one two")) == [0, 0.5, 0.5])
        #expect(triple(match("Hello, world: one two", "Hello world - one two!")) == [1, 0, 0])
    }

    @Test func shortTextsAreOneShingleEmptyTextsNone() {
        #expect(Shingles("a b").counts == ["a\u{0}b": 1])
        #expect(Shingles("").isEmpty)
        #expect(Shingles("a b c d e").counts == ["a\u{0}b\u{0}c\u{0}d": 1, "b\u{0}c\u{0}d\u{0}e": 1])
        #expect(Shingles("x y x y x y x").counts == ["x\u{0}y\u{0}x\u{0}y": 2, "y\u{0}x\u{0}y\u{0}x": 2])
    }

    @Test func emptyPredictionCountsInRecallOnly() {
        #expect(triple(match(Self.article, "")) == [0, 0, 1])
        let score = ShingleScore([match(Self.article, ""), match(Self.article, Self.article)])
        #expect(score.precision == 1 && score.recall == 0.5)
        #expect(abs(score.f1! - 2.0 / 3.0) < 1e-12)
    }

    @Test func emptyTruthCountsInPrecisionOnly() {
        let score = ShingleScore([match("", Self.article), match(Self.article, Self.article)])
        #expect(score.precision == 0.5 && score.recall == 1 && score.pagesInRecall == 1)
    }

    @Test func bothEmptyQualifyForNothing() {
        #expect(triple(match("", "")) == [0, 0, 0])
        #expect(ShingleScore([match("", "")]).f1 == nil)
    }

    @Test func extraTokensAreExtraShingles() {
        let m = match("a b c d", "a b c d x y z w")
        #expect(triple(m) == [1.0 / 5, 4.0 / 5, 0])
        #expect(m.precision == 1.0 / 5 && m.recall == 1)
    }

    @Test func commentsFlattenDepthFirst() {
        let tree = [
            Winnow.Comment(text: "one", replies: [Winnow.Comment(text: "two", replies: [Winnow.Comment(text: "three")])]),
            Winnow.Comment(text: "four"),
        ]
        #expect(PageScore.flatten(tree) == ["one", "two", "three", "four"])
    }

    @Test func leakCountsCommentTruthBeyondTheMainTruth() {
        let comment = "I really disagree with every word of this article, sir."
        let article = Self.article
        func leak(_ main: String, _ predicted: String) -> Double? {
            CommentLeak.share(commentsTruth: Shingles(comment), mainTruth: Shingles(main), mainPrediction: Shingles(predicted))
        }
        #expect(leak(article, article + "\n" + comment) == 1)
        #expect(leak(article, article) == 0)
        #expect(leak(article + " " + comment, article + " " + comment) == 0)
        #expect(CommentLeak.share(commentsTruth: Shingles(""), mainTruth: Shingles(article), mainPrediction: Shingles(article)) == nil)
    }

    /// `re.findall(r'\w+', 'cafe\u0301 x_y 3½ 東京 ٣٤ Ⅻ ǅx ʰa ² क्षि')` in Python 3.
    @Test func wordCharactersAreThoseOfPython() {
        #expect(
            Shingles.tokens(of: "cafe\u{301} x_y 3½ 東京 ٣٤ Ⅻ ǅx ʰa \u{B2} क्षि")
                == ["cafe", "x_y", "3½", "東京", "٣٤", "Ⅻ", "ǅx", "ʰa", "²", "क", "ष"])
    }
}
