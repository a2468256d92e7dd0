import Foundation

/// The site's name as the page's host spells it, at the end of a title:
/// "Stanford Grads Find … - Slashdot" on `linux.slashdot.org`, "GPUs &
/// Video Graphics Cards for PCs | Newegg" on `www.newegg.com`, "ORM Quick
/// Start — SQLAlchemy 2.0 Documentation" on `docs.sqlalchemy.org`. Many
/// pages state no site name (`og:site_name`, JSON-LD `WebSite`) for
/// `ArticleTitle.removingSiteName` to match, but their host names the site
/// all the same.
///
/// Only the trailing part goes: a title that opens with the brand
/// ("Todoist | A To-Do List …", "Nintendo Switch – OLED Model") is a home
/// or product page whose name is its title. On the development set's wcxb
/// pages this rule gained 28 titles and lost one; readability's were
/// unchanged (their truth keeps a site name only where no host label
/// spells it).
enum HostNameInTitle {
    /// A host label shorter than this names the site only when the part
    /// is the label whole ("WRAL", "IBM"); a longer one also when the part
    /// begins with it ("Newegg.com", "SQLAlchemy 2.0 Documentation").
    static let minimumPrefixLabelLength = 4
    /// What remains must be a title of this many words at least: a
    /// one-word remainder is a section's name, not the page's title.
    static let minimumRemainingWords = 2
    /// Host labels that name no site.
    static let genericLabels: Set<String> = ["www", "m", "en", "blog", "news", "shop", "docs", "forum", "forums", "store"]

    /// `title` without a trailing part that the host's name spells.
    static func removing(from title: String, host: String?) -> String {
        guard let host, let cut = ArticleTitle.separatorRanges(in: title).last else { return title }
        let labels = siteLabels(of: host)
        guard !labels.isEmpty else { return title }
        let part = squashed(title[cut.upperBound...])
        guard !part.isEmpty,
            labels.contains(where: { part == $0 || ($0.count >= minimumPrefixLabelLength && part.hasPrefix($0)) })
        else { return title }
        let rest = Text.collapsingWhitespace(title[..<cut.lowerBound])
        return rest.split(separator: " ").count >= minimumRemainingWords ? rest : title
    }

    /// The host's labels that may name the site: all but the top-level
    /// domain (and a second-level one such as `co` in `co.uk`) and generic
    /// ones (`www`).
    static func siteLabels(of host: String) -> [String] {
        var labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return [] }
        labels.removeLast()
        if labels.count >= 2, let last = labels.last, last.count <= 3, ["co", "com", "org", "net", "ac", "gov", "edu"].contains(last) {
            labels.removeLast()
        }
        return labels.filter { !genericLabels.contains($0) }.map(squashed).filter { !$0.isEmpty }
    }

    /// Letters and digits alone, lower-cased: "Newegg.com" → "neweggcom".
    static func squashed<S: StringProtocol>(_ text: S) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }
}
