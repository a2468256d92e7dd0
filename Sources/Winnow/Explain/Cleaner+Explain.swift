extension Cleaner {
    /// Cleans a page and explains it: the removal log and an HTML report of
    /// the page in which each removed block is outlined and labelled.
    ///
    /// The report is built on a second parse of the same bytes, which
    /// gives the same tree: every node of the first parse is numbered in
    /// document order before the stages run, the removed ones are found by
    /// number in the second tree and marked there.
    public func explain(bytes: consuming [UInt8], url: String? = nil) throws -> Explanation {
        var timings: StageTimings?
        // Each attempt's tree is numbered; the report needs the chosen one's.
        var ordinalsByPage: [ObjectIdentifier: NodeOrdinals] = [:]
        let (page, kept) = try cleanedPage(bytes: consume bytes, url: url, timings: &timings, keepsUTF8: true) {
            ordinalsByPage[ObjectIdentifier($0)] = NodeOrdinals($0.document)
        }
        guard let ordinals = ordinalsByPage[ObjectIdentifier(page)] else {
            preconditionFailure("cleanedPage shows every page before its stages")
        }
        guard let utf8 = kept else { preconditionFailure("cleanedPage keeps the page when asked to") }
        let removed = page.removedNodes.map { ordinals.originals(of: $0) }
        // The chosen element is framed in the report when it is one node of
        // the page as parsed (not the body: the report shows the body whole).
        let main = page.mainContent.flatMap { node -> Int? in
            guard !node.hasName("body") else { return nil }
            let originals = ordinals.originals(of: node)
            return originals.count == 1 ? originals[0] : nil
        }
        let removals = page.removals
        var article = article(of: page)
        article.removed = removals

        let report = try ExplainReport(
            utf8: utf8, url: url, address: page.address, removals: Array(zip(removals, removed)),
            main: main.map { ($0, page.mainContent!.label, page.mainContentEvidence) },
            isCommentSection: { rule in
                guard let found = self.rules.rule(withID: rule) else { return false }
                return found.section != nil || !found.sectionHints.isEmpty
            })
        return Explanation(
            article: article, removals: removals, reportHTML: report.html, pageTypeEvidence: page.pageTypeEvidence,
            mainContent: page.mainContent?.label, mainContentEvidence: page.mainContentEvidence)
    }
}
