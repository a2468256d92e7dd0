/// The share of a page's comment-truth shingles that the predicted main
/// text contains, counting only occurrences beyond those the true main
/// text accounts for: reader comments leaking into the article. `nil` when
/// the page has no comment truth.
public enum CommentLeak {
    public static func share(commentsTruth: Shingles, mainTruth: Shingles, mainPrediction: Shingles) -> Double? {
        let total = commentsTruth.total
        guard total > 0 else { return nil }
        var leaked = 0
        for (shingle, count) in commentsTruth.counts {
            let extra = max(0, (mainPrediction.counts[shingle] ?? 0) - (mainTruth.counts[shingle] ?? 0))
            leaked += min(count, extra)
        }
        return Double(leaked) / Double(total)
    }
}
