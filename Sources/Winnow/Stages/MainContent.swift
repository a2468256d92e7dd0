/// Locates the element that holds the article and takes out everything
/// around it (logged as `outside-main-content`).
///
/// 1. Markup first: the `main` selectors of the rule file, most specific
///    first (`itemprop=articleBody`, `<article>`, CMS containers, `<main>`).
/// 2. Scoring over candidate containers, after Readability: every
///    paragraph scores by length and commas and passes its score to its
///    ancestors; class/id words and link density weigh the result.
/// 3. The two are reconciled: markup wins when it holds most of what the
///    scoring found, so a tidy `<article>` is not traded for a guess.
/// 4. Siblings of the winner that score close to it (or are plain,
///    link-free paragraphs) join it, as split article bodies are common.
public struct MainContent: Stage {
    public let name = "main-content"

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        let statistics = page.textStatistics(under: body)
        let explains = page.options.explain
        if page.profile.contentScope == .region {
            let region = MainContent.mainRegion(of: body, statistics: statistics)
            let main = region ?? body
            removeOutside(main, upTo: body, page: page)
            page.mainContent = main
            if explains {
                let share = MainContent.percent(statistics[main].chars, of: statistics[body].chars)
                page.mainContentEvidence = [
                    region == nil
                        ? "a \(page.pageType.rawValue) page's content is its whole region: no <main> or role=main holds half the text, so the body"
                        : "a \(page.pageType.rawValue) page's content is its whole region: the <main> or role=main element, \(share) of the text"
                ]
            }
            return
        }
        let scoring = ContentScoring(root: body, statistics: statistics, facts: page.elementFacts)
        let scored = scoring.bestCandidate()
        let marked = markedCandidate(on: page, statistics: statistics)

        var main: Node
        var why: [String] = []
        switch (marked, scored) {
        case (nil, nil):
            main = body
            if explains { why = ["no markup rule matched and no candidate scored: the whole body"] }
        case (let marked?, nil):
            main = marked.node
            if explains { why = ["markup: rule \(marked.rule) names it (\(statistics[main].chars) chars); no candidate scored"] }
        case (nil, let scored?):
            main = scored == body ? body : scoring.mergingSiblings(of: scored, page: page)
            if explains { why = ["scoring: no markup rule matched"] }
        case (let marked?, let scored?):
            let reconciled = reconcile(marked: marked.node, scored: scored, statistics: statistics)
            main = reconciled.winner ?? (scored == body ? body : scoring.mergingSiblings(of: scored, page: page))
            if explains {
                why = [
                    (reconciled.winner == nil ? "scoring over markup: " : "markup: rule \(marked.rule) names it; ")
                        + reconciled.reason
                ]
            }
        }
        removeOutside(main, upTo: body, page: page)
        page.mainContent = main
        if explains {
            if let scored, main != scored, main != body, main != marked?.node, scored.parent == main {
                why.append("\(scored.label), the scoring's pick, joined by siblings that score close to it")
            }
            page.mainContentEvidence = why + scoring.bestCandidatesDescription(statistics: statistics)
        }
    }

    /// "42%": `part` as a share of `whole`.
    static func percent(_ part: Int, of whole: Int) -> String {
        "\(whole > 0 ? Int((100 * Double(part) / Double(whole)).rounded()) : 0)%"
    }

    /// A marked container with less text than this is a teaser or an empty
    /// shell (an `<article>` that only holds the headline).
    static let minimumMarkedChars = 200
    /// Markup is kept over the scoring when it holds at least this share of
    /// the scored candidate's text.
    static let markedShareToWin = 0.6

    /// The largest element the first matching `main` rule names, with
    /// that rule's id.
    private func markedCandidate(on page: Page, statistics: TextStatistics) -> (node: Node, rule: String)? {
        let prepared = page.rules.prepared(for: name, host: page.host, pageType: page.pageType)
        let rules = prepared.mainRules
        guard !rules.isEmpty, let body = page.document.body else { return nil }
        // Every simple selector is matched in one walk of the body; others
        // (combinators, XPath) are evaluated as XPath.
        let selectors = prepared.mainSelectors
        var matches = Array(repeating: [Node](), count: rules.count)
        if !selectors.isEmpty {
            body.walkDescendants { node in
                guard node.isElement else { return .skipChildren }
                selectors.forEachMatch(node, facts: page.elementFacts.facts(of: node)) { position in
                    // A rule's alternatives can match one element twice.
                    if matches[position].last != node { matches[position].append(node) }
                }
                return .descend
            }
        }
        for (position, rule) in rules.enumerated() {
            let nodes = rule.main!.simple == nil ? rule.main!.xpath.elements(in: page.document).filter(\.isAttached) : matches[position]
            let best = nodes.max { statistics[$0].chars < statistics[$1].chars }
            if let best, statistics[best].chars >= MainContent.minimumMarkedChars {
                return (best, rule.id)
            }
        }
        return nil
    }

    /// The marked element when the markup wins, else nil (the scoring's
    /// pick stands), and why, for `--explain`.
    private func reconcile(marked: Node, scored: Node, statistics: TextStatistics) -> (winner: Node?, reason: String) {
        let markedChars = Double(statistics[marked].chars)
        let scoredChars = Double(statistics[scored].chars)
        let share = MainContent.percent(Int(markedChars), of: Int(scoredChars))
        if scored.isInside(marked) {
            // The markup is the wider container; the scoring's pick is a
            // part of it. The markup says where the article ends.
            return (marked, "it holds the scoring's pick, \(scored.label)")
        }
        if marked.isInside(scored) {
            return markedChars >= MainContent.markedShareToWin * scoredChars
                ? (marked, "it holds \(share) of the text of the scoring's pick around it, \(scored.label) (60% wins)")
                : (nil, "the marked \(marked.label) holds only \(share) of the text of \(scored.label) around it (60% wins)")
        }
        // A sidebar the frame rules had to leave (it held most of the
        // page's prose: a live feed, a column of teasers) does not outweigh
        // the article that markup names.
        if MainContent.isInComplementaryLandmark(scored) {
            return (marked, "the scoring's pick, \(scored.label), is in an <aside> or role=complementary")
        }
        // Nor does the site's footer that the frame rules had to leave for
        // its long paragraphs of fine print (an insurer's disclosures).
        if MainContent.isInSiteFooter(scored) {
            return (marked, "the scoring's pick, \(scored.label), is in the site's <footer> or role=contentinfo")
        }
        // Nor does a list of teasers: excerpts of other posts, each in its
        // own <article>, add up to more text than the one post.
        if MainContent.isTeaserList(scored, statistics: statistics) {
            return (marked, "the scoring's pick, \(scored.label), is a list of <article> teasers")
        }
        return markedChars >= scoredChars
            ? (marked, "it has more text than the scoring's pick elsewhere, \(scored.label) (\(share))")
            : (nil, "the marked \(marked.label) elsewhere has less text than \(scored.label) (\(share))")
    }

    /// A `<main>` (or `role=main`) region holds the content of a page
    /// whose content is its whole region when it holds at least this share
    /// of the text the frame stage left: less, and the page puts content
    /// outside it too (a hero above it, sections after it).
    static let mainRegionShare = 0.5

    /// The page's main region, when its markup names one that holds most
    /// of the body's text.
    static func mainRegion(of body: Node, statistics: TextStatistics) -> Node? {
        var regions: [Node] = []
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == .main || node.attribute("role")?.lowercased() == "main" {
                regions.append(node)
                return .skipChildren
            }
            return .descend
        }
        let bodyChars = Double(statistics[body].chars)
        guard let largest = regions.max(by: { statistics[$0].chars < statistics[$1].chars }),
            Double(statistics[largest].chars) >= mainRegionShare * bodyChars
        else { return nil }
        return largest
    }

    /// Whether `node` is in an `<aside>` or a `role=complementary`
    /// landmark.
    static func isInComplementaryLandmark(_ node: Node) -> Bool {
        ([node] + Array(node.ancestors)).contains { element in
            element.hasName("aside") || element.attribute("role").map { $0.lowercased() == "complementary" } ?? false
        }
    }

    /// Whether `node` is in a `<footer>` or `role=contentinfo` that no
    /// `<article>`, `<main>` or `role=main` holds: the site's footer, not
    /// an article's.
    static func isInSiteFooter(_ node: Node) -> Bool {
        var inFooter = false
        for element in [node] + Array(node.ancestors) {
            if element.hasName("article") || element.hasName("main") || element.attribute("role").map({ $0.lowercased() == "main" }) ?? false {
                return false
            }
            if element.hasName("footer") || element.attribute("role").map({ $0.lowercased() == "contentinfo" }) ?? false {
                inFooter = true
            }
        }
        return inFooter
    }

    /// A list of teasers holds at least this many `<article>` elements.
    /// Two could be a post and its continuation; three cards side by side
    /// are the related-posts grids and "latest news" columns of themes.
    static let minimumTeaserArticles = 3
    /// No one of a list's articles holds this share of its text: the list
    /// is many small ones, not one post with its teasers under it.
    static let largestTeaserShare = 0.5

    /// Whether `node` holds several `<article>` elements, none of them
    /// most of its text: a grid or column of other posts' teasers.
    static func isTeaserList(_ node: Node, statistics: TextStatistics) -> Bool {
        var articles: [Node] = []
        node.walkDescendants { element in
            guard element.isElement else { return .skipChildren }
            if element.hasName("article") {
                articles.append(element)
                return .skipChildren
            }
            return .descend
        }
        guard articles.count >= minimumTeaserArticles else { return false }
        let total = Double(statistics[node].chars)
        return articles.allSatisfy { Double(statistics[$0].chars) < largestTeaserShare * total }
    }

    /// Removes every sibling of `main` and of each of its ancestors up to
    /// `body`: what is outside the article, logged.
    private func removeOutside(_ main: Node, upTo body: Node, page: Page) {
        var current = main
        while current != body, let parent = current.parent {
            for sibling in parent.childNodes where sibling != current {
                if sibling.isElement || sibling.hasVisibleOwnText {
                    page.remove(sibling, rule: "outside-main-content")
                }
            }
            current = parent
        }
    }
}
