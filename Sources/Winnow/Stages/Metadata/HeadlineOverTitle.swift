/// Whether the page's visible headline, not the title it states for search
/// engines and sharing, is the article's title.
///
/// `og:title`, JSON-LD's `headline` and `<title>` are often a rewording of
/// the headline for search results ("Top 11 SEO Strategies for 2025"
/// over "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead"): the
/// reader sees the `<h1>`, and that is the title people quote. The `<h1>`
/// wins only when it is plainly the same headline reworded:
/// - it is the page's only `<h1>` (with several, the first is as often a
///   site's or a section's name as the article's);
/// - it shares words with the stated title, but not all of them: a `<h1>`
///   that shares few or none ("Make anything possible" over "Figma: The
///   Collaborative Interface Design Tool", "Posts", "Department of State")
///   names a section, a slogan or the site;
/// - the stated title is not inside it: a `<h1>` that adds to the stated
///   title ("Monitoring Guide ¶", the title with its site) is the stated
///   title plus furniture.
///
/// Measured on the development set's WCXB pages (1386, each with a title
/// in its ground truth): where the only `<h1>` and the stated title differ,
/// the ground truth is the `<h1>` about twice as often as the stated title
/// when they share between a fifth and all of their words; below a fifth
/// the stated title is right more often (see `minimumSharedWords`).
enum HeadlineOverTitle {
    /// The least share of words (shared over all distinct words of the
    /// two, the Jaccard index) that makes a `<h1>` a rewording of the
    /// stated title. On the WCXB dev pages the gain of taking the `<h1>`
    /// was positive at every cut from 0 to 0.4 and largest at 0.2.
    static let minimumSharedWords = 0.2

    /// The `headline` when it should stand for `stated` (see the type),
    /// else `stated`.
    static func title(stated: String?, headline: String?, headlineCount: Int) -> String? {
        guard let stated, let headline, headlineCount == 1, ArticleTitle.isTitle(headline) else { return stated }
        let statedComparable = ArticleTitle.comparable(stated)
        let headlineComparable = ArticleTitle.comparable(headline)
        guard !statedComparable.isEmpty, !headlineComparable.contains(statedComparable) else { return stated }
        let statedWords = words(of: stated)
        let headlineWords = words(of: headline)
        let shared = statedWords.intersection(headlineWords).count
        let all = statedWords.union(headlineWords).count
        guard all > 0, shared < all else { return stated }
        return Double(shared) / Double(all) > minimumSharedWords ? headline : stated
    }

    /// The distinct lower-cased words (runs of letters and digits) of `text`.
    static func words(of text: String) -> Set<String> {
        Set(Text.lowercasedWords(of: text).map(String.init))
    }
}
