/// One page's match of predicted against true text, as the Zyte/ScrapingHub
/// article-extraction benchmark counts it (`score.py`): shared shingles
/// (tp), extra predicted ones (fp) and missing true ones (fn), divided by
/// their sum so that every page weighs the same.
public struct ShingleMatch: Sendable, Equatable {
    public let truePositives: Double
    public let falsePositives: Double
    public let falseNegatives: Double

    public init(truePositives: Double, falsePositives: Double, falseNegatives: Double) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    public init(truth: String, prediction: String) {
        self.init(truth: Shingles(truth), prediction: Shingles(prediction))
    }

    public init(truth: Shingles, prediction: Shingles) {
        var tp = 0
        var fp = 0
        var fn = 0
        for (shingle, t) in truth.counts {
            let p = prediction.counts[shingle] ?? 0
            tp += min(t, p)
            fn += max(0, t - p)
            fp += max(0, p - t)
        }
        for (shingle, p) in prediction.counts where truth.counts[shingle] == nil {
            fp += p
        }
        let sum = Double(tp + fp + fn)
        if sum > 0 {
            self.init(truePositives: Double(tp) / sum, falsePositives: Double(fp) / sum, falseNegatives: Double(fn) / sum)
        } else {
            self.init(truePositives: 0, falsePositives: 0, falseNegatives: 0)
        }
    }

    /// The prediction is not empty: the page counts in the mean precision.
    public var countsForPrecision: Bool { truePositives + falsePositives > 0 }
    /// The truth is not empty: the page counts in the mean recall.
    public var countsForRecall: Bool { truePositives + falseNegatives > 0 }

    public var precision: Double {
        if falsePositives == 0, falseNegatives == 0 { return 1 }
        if truePositives == 0, falsePositives == 0 { return 0 }
        return truePositives / (truePositives + falsePositives)
    }

    public var recall: Double {
        if falsePositives == 0, falseNegatives == 0 { return 1 }
        if truePositives == 0, falseNegatives == 0 { return 0 }
        return truePositives / (truePositives + falseNegatives)
    }

    /// One page's F1, for listing the worst pages only (not the metric).
    public var f1: Double {
        let sum = truePositives + falsePositives + falseNegatives
        return sum == 0 ? 1 : 2 * truePositives / (2 * truePositives + falsePositives + falseNegatives)
    }
}

/// Precision, recall and F1 over pages: P is the mean per-page precision
/// over pages with a prediction, R the mean per-page recall over pages
/// with a truth, F1 the harmonic mean of those two means (not a mean of
/// per-page F1s). `nil` where no page qualifies.
public struct ShingleScore: Sendable, Equatable {
    public let precision: Double?
    public let recall: Double?
    public let f1: Double?
    public let pagesInPrecision: Int
    public let pagesInRecall: Int

    public init(_ matches: [ShingleMatch]) {
        let precisions = matches.filter(\.countsForPrecision).map(\.precision)
        let recalls = matches.filter(\.countsForRecall).map(\.recall)
        let p = ShingleScore.mean(precisions)
        let r = ShingleScore.mean(recalls)
        precision = p
        recall = r
        pagesInPrecision = precisions.count
        pagesInRecall = recalls.count
        if let p, let r {
            f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
        } else {
            f1 = nil
        }
    }

    /// Python's `statistics.mean` of floats sums exactly (as fractions)
    /// before it divides; a compensated sum stays within an ulp or two of
    /// that, far below the three decimals reported.
    static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let y = value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        return sum / Double(values.count)
    }
}
