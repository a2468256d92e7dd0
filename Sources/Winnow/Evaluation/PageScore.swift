/// One page scored: main text, and comments where the truth has them.
public struct PageScore: Sendable {
    public let set: String
    public let id: String
    /// The page's folder under the scored directory (`GroundTruthPage.relativePath`).
    public let relativePath: String
    public let main: ShingleMatch
    /// The comment match; `nil` when the page has no comment truth.
    public let comments: ShingleMatch?
    public let truthHasComments: Bool
    public let predictionHasComments: Bool
    /// Share of comment truth found in the predicted main text.
    public let leak: Double?
    /// Why no article came out, if none did (scored as empty output).
    public let failure: String?
    /// The page's annotated type, and the type the cleaner took it for.
    public let truthType: PageType?
    public let predictedType: PageType?
    /// Title, authors and date against `meta.json`'s.
    public let metadata: MetadataMatch
    /// What the truth and the output said, for listing the misses.
    public let metadataTruth: MetadataTruth
    public let predictedMetadata: Metadata?

    /// Scores `article` (or an empty output, when `nil`) against the page's
    /// truth. The comment text is every comment's text depth first, a
    /// comment then its replies, joined by newlines.
    public init(page: GroundTruthPage, article: Article?, failure: String? = nil) {
        set = page.set
        id = page.id
        relativePath = page.relativePath
        self.failure = failure
        truthType = page.pageType
        predictedType = article?.pageType
        metadata = MetadataMatch(truth: page.metadata, metadata: article?.metadata)
        metadataTruth = page.metadata
        predictedMetadata = article?.metadata
        let mainPrediction = Shingles(article?.text ?? "")
        let mainTruth = Shingles(page.mainTruth)
        main = ShingleMatch(truth: mainTruth, prediction: mainPrediction)
        if let truth = page.commentsTruth {
            let commentText = PageScore.flatten(article?.comments ?? []).joined(separator: "\n")
            let commentsTruth = Shingles(truth)
            let commentsPrediction = Shingles(commentText)
            comments = ShingleMatch(truth: commentsTruth, prediction: commentsPrediction)
            truthHasComments = !Shingles.tokens(of: truth).isEmpty
            predictionHasComments = !Shingles.tokens(of: commentText).isEmpty
            leak = CommentLeak.share(commentsTruth: commentsTruth, mainTruth: mainTruth, mainPrediction: mainPrediction)
        } else {
            comments = nil
            truthHasComments = false
            predictionHasComments = false
            leak = nil
        }
    }

    static func flatten(_ comments: [Comment]) -> [String] {
        comments.flatMap { [$0.text] + flatten($0.replies) }
    }
}

/// One row of the score table: a set (or all pages), as `score.py` prints it.
public struct SetScore: Sendable {
    public let name: String
    public let pages: Int
    public let main: ShingleScore
    /// `nil` when no page of the set has comment truth.
    public let comments: ShingleScore?
    public let pagesWithComments: Int
    public let pagesWithoutComments: Int
    /// Pages with predicted comments but none in the truth.
    public let spurious: Int
    /// Pages with comments in the truth but none predicted.
    public let missed: Int
    public let leak: Double?
    public let failures: Int
    /// Title, authors and date accuracy over the pages whose truth gives them.
    public let metadata: MetadataAccuracy

    public init(name: String, scores: [PageScore]) {
        self.name = name
        pages = scores.count
        metadata = MetadataAccuracy(scores.map(\.metadata))
        main = ShingleScore(scores.map(\.main))
        failures = scores.filter { $0.failure != nil }.count
        let annotated = scores.filter { $0.comments != nil }
        let withComments = annotated.filter(\.truthHasComments)
        let withoutComments = annotated.filter { !$0.truthHasComments }
        comments = annotated.isEmpty ? nil : ShingleScore(annotated.compactMap(\.comments))
        pagesWithComments = withComments.count
        pagesWithoutComments = withoutComments.count
        spurious = withoutComments.filter(\.predictionHasComments).count
        missed = withComments.filter { !$0.predictionHasComments }.count
        leak = ShingleScore.mean(withComments.compactMap(\.leak))
    }
}
