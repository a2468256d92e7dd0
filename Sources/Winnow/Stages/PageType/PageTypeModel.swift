import Foundation

/// Weighs a page's evidence into a type: one linear score per type (a
/// weight per named figure, plus a bias), the highest score wins, and a
/// softmax of the scores says how sure the choice is.
///
/// The weights are data (`page-type-model.json`): a multinomial logistic
/// regression fitted by `scripts/fit-page-type-model.py` on the figures
/// `winnow eval --page-features` writes for the development set's typed
/// pages (WCXB's dev split), with cross-validated accuracy recorded in the
/// file. Every figure is a named, generic signal (`PageEvidence`), so a
/// weight reads as "a price on the page speaks for product and
/// collection"; refit when a figure is added or changed.
struct PageTypeModel: Sendable {
    let types: [PageType]
    let figureNames: [String]
    /// `weights[type][figure]`.
    let weights: [[Double]]
    let biases: [Double]
    /// Below this probability the choice is not trusted, and the page is
    /// read as an article, the profile that fails most gracefully.
    let minimumConfidence: Double

    struct Decision {
        let type: PageType
        let confidence: Double
        /// The figures that spoke most for the type, strongest first.
        let reasons: [(name: String, contribution: Double)]
    }

    func decide(_ evidence: PageEvidence) -> Decision {
        let values = figureNames.map { evidence[$0] }
        let scores: [Double] = zip(weights, biases).map { row, bias in
            var score = bias
            for (weight, value) in zip(row, values) { score += weight * value }
            return score
        }
        let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
        let top = scores[best]
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        let confidence = 1 / total
        var reasons: [(name: String, contribution: Double)] = []
        for (index, name) in figureNames.enumerated() {
            let contribution = weights[best][index] * values[index]
            if contribution > 0 { reasons.append((name, contribution)) }
        }
        reasons.sort { $0.contribution > $1.contribution }
        return Decision(type: types[best], confidence: confidence, reasons: Array(reasons.prefix(4)))
    }

    /// The model shipped with the package.
    static let builtIn: PageTypeModel? = {
        guard let url = Bundle.module.url(forResource: "page-type-model", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? PageTypeModel(json: data)
    }()

    init(json data: Data) throws {
        struct File: Decodable {
            let types: [String]
            let figures: [String]
            let weights: [[Double]]
            let biases: [Double]
            let minimumConfidence: Double
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        types = file.types.compactMap(PageType.init(named:))
        guard types.count == file.types.count, file.weights.count == types.count, file.biases.count == types.count,
            file.weights.allSatisfy({ $0.count == file.figures.count })
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "page-type model: sizes disagree"))
        }
        figureNames = file.figures
        weights = file.weights
        biases = file.biases
        minimumConfidence = file.minimumConfidence
    }
}
