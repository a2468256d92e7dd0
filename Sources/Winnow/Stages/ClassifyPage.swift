import Foundation

/// Decides what kind of page this is (`PageType`), which decides what the
/// content stages after it take as content (`PageProfile`): a caller's
/// type (`CleanerOptions.pageType`) is taken as given; otherwise the
/// page's evidence (`PageEvidence`: its URL, structured data, and what its
/// visible page is made of) is weighed by `PageTypeModel`. A choice the
/// model is not sure of falls back to `article`.
///
/// Runs once scripts and styles are gone, before the hidden elements go
/// (a product's description often waits in a hidden tab, which its
/// profile keeps) and before the comment stage, which a forum's posts must
/// not be taken by.
public struct ClassifyPage: Stage {
    public let name = "page-type"

    public init() {}

    public func run(on page: Page) throws {
        decideType(of: page)
        // The type's evidence has read the byline (`meta.authors`): only
        // now may the profile say whose name it is.
        if page.authorsAreVisibleBylines, !page.profile.bylineNamesAuthor {
            page.metadata.authors = []
        }
    }

    private func decideType(of page: Page) {
        if let given = page.options.pageType {
            page.pageType = given
            page.pageTypeEvidence = ["given by the caller"]
            return
        }
        guard let model = PageTypeModel.builtIn else { return }
        let decision = model.decide(PageEvidence(page: page))
        let reasons = decision.reasons.map { String(format: "%@ %+.2f", $0.name, $0.contribution) }
        if decision.confidence >= model.minimumConfidence {
            page.pageType = decision.type
            page.pageTypeEvidence = [String(format: "%@ at %.2f", decision.type.rawValue, decision.confidence)] + reasons
        } else {
            page.pageType = .article
            page.pageTypeEvidence = [
                String(format: "article: %@ at only %.2f (under %.2f)", decision.type.rawValue, decision.confidence, model.minimumConfidence)
            ] + reasons
        }
    }
}
