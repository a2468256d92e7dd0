import Foundation

/// Reads what the page says about itself (title, authors, dates, site,
/// language, description, canonical URL) before any stage strips the
/// `<head>` or the JSON-LD scripts it comes from.
///
/// Order of trust, field by field (the first source that gives a usable
/// value wins; a value that does not parse falls through to the next):
/// 1. JSON-LD: the publisher's deliberate, structured statement;
/// 2. OpenGraph, Twitter, Dublin Core and other `<meta>` tags: also meant
///    for machines, but often site-wide defaults;
/// 3. the page itself: `<title>`, `<h1>`, bylines, `<time>` elements.
///
/// Two exceptions, both for reasons the markup gives:
/// - language trusts `<html lang>` first: it declares the language of the
///   text itself, where `og:locale` and JSON-LD are often a site setting;
/// - the canonical URL trusts `<link rel=canonical>` first and JSON-LD's
///   `url` last: that is what each is for.
///
/// One walk over the tree gathers every source (`MetadataScan`); JSON is
/// parsed only for `application/ld+json` scripts; the byline search walks
/// the body a second time only when no earlier source names an author.
public struct ExtractMetadata: Stage {
    public let name = "metadata"

    public init() {}

    // MARK: - Vocabulary: meta keys, most trusted first (lower case, `.` as `:`)

    static let titleKeys = [
        "og:title", "twitter:title", "dc:title", "dcterms:title", "citation_title", "parsely-title", "sailthru:title",
        "headline",
    ]
    static let siteNameKeys = ["og:site_name", "application-name", "publisher"]
    static let descriptionKeys = [
        "og:description", "description", "twitter:description", "dc:description", "dcterms:description",
    ]
    /// Keys whose every value is an author (a page may repeat them).
    static let authorKeys = [
        "author", "article:author", "og:article:author", "dc:creator", "dcterms:creator", "citation_author",
        "parsely-author", "sailthru:author", "byl",
    ]
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time",
        "datepublished", "citation_publication_date", "citation_date", "citation_online_date", "parsely-pub-date",
        "sailthru:date", "dc:date", "dc:date:issued", "dcterms:issued", "dcterms:date", "dcterms:created",
        "dc:date:created", "pubdate", "publishdate", "publish-date", "publish_date", "date",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "dcterms:modified",
        "dc:date:modified", "last-modified",
    ]
    static let languageKeys = ["content-language", "dc:language", "dcterms:language", "inlanguage", "language"]

    // MARK: - Stage

    public func run(on page: Page) throws {
        let scan = MetadataScan(document: page.document)
        let jsonLD = JSONLDMetadata(scripts: scan.jsonLDTexts)
        page.structuredComments = jsonLD.comments
        page.structuredCommentCount = jsonLD.commentCount
        page.structuredDataTypes = jsonLD.declaredTypes
        page.structuredProductDescription = jsonLD.productDescription
        let meta = scan.meta
        page.openGraphType = meta.first("og:type")
        var metadata = Metadata()

        metadata.siteName = jsonLD.siteName ?? meta.first(Self.siteNameKeys)
        let siteNames = [jsonLD.siteName, jsonLD.websiteName, page.host.map(Self.siteHost)]
            + Self.siteNameKeys.map { meta.first($0) }
        metadata.title = title(jsonLD: jsonLD, meta: meta, scan: scan, siteNames: siteNames.compactMap { $0 })
        metadata.authors = authors(jsonLD: jsonLD, meta: meta, page: page)
        metadata.published = firstDate(
            [jsonLD.published] + Self.publishedKeys.flatMap(meta.all),
            else: PageFallbacks.itempropTime("datePublished", among: scan.times)
                ?? PageFallbacks.microformatDate("published", among: scan.microformatDates, facts: page.elementFacts)
                ?? PageFallbacks.publishedTime(
                    among: scan.times, heading: scan.firstH1, articleCount: scan.articleCount, facts: page.elementFacts))
        metadata.modified = firstDate(
            [jsonLD.modified] + Self.modifiedKeys.flatMap(meta.all),
            else: PageFallbacks.itempropTime("dateModified", among: scan.times)
                ?? PageFallbacks.microformatDate("updated", among: scan.microformatDates, facts: page.elementFacts))
        metadata.description = jsonLD.description ?? meta.first(Self.descriptionKeys)
        metadata.language = language(jsonLD: jsonLD, meta: meta, document: page.document)
        // The canonical link is relative to the document's base, as every
        // link of the page is.
        let documentAddress = PageAddress(baseHref: scan.baseHref, url: page.url, canonical: nil)
        metadata.canonicalURL = canonicalURL(
            [scan.canonicalHref, meta.first("og:url"), jsonLD.url], base: documentAddress.base?.absoluteString)
        page.metadata = metadata
        page.address = documentAddress.base != nil ? documentAddress : PageAddress(base: metadata.canonicalURL)
        // A page saved without its address is on the canonical URL's host,
        // for the rules scoped to hosts or URLs.
        if page.url == nil, let canonical = metadata.canonicalURL { page.scopeRules(toURL: canonical) }
    }

    // MARK: - Fields

    /// JSON-LD headline, else a `<meta>` title, each without a part naming
    /// the site (as any source states it); else `<title>` without a
    /// site-name or short trailing part; else the first `<h1>`. A title
    /// whose part before a separator is the `<h1>` is cut there.
    func title(jsonLD: JSONLDMetadata, meta: MetaTags, scan: MetadataScan, siteNames: [String]) -> String? {
        let heading = scan.firstH1.map { Text.collapsingWhitespace($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        let metaTitle = meta.first(Self.titleKeys)
        if var stated = jsonLD.title(closestTo: metaTitle ?? scan.title) ?? metaTitle {
            // JSON-LD headlines are often cut at 110 characters for search
            // engines: a longer title that begins the same way is the whole one.
            if stated.hasSuffix("…") || stated.hasSuffix("...") {
                let stem = stated.trimmingCharacters(in: CharacterSet(charactersIn: ".… "))
                if let whole = [metaTitle, scan.title].compactMap({ $0 }).first(where: {
                    $0.count > stem.count && $0.hasPrefix(stem)
                }) {
                    stated = whole
                }
            }
            if let heading, let confirmed = ArticleTitle.prefix(of: stated, matching: heading) { return confirmed }
            return ArticleTitle.removingSiteName(from: stated, siteNames: siteNames, heuristic: false)
        }
        if let documentTitle = scan.title {
            if let heading, let confirmed = ArticleTitle.prefix(of: documentTitle, matching: heading) {
                return confirmed
            }
            if let confirmed = ArticleTitle.part(
                afterColonOf: documentTitle, matchingAnyOf: scan.headings.map { Text.collapsingWhitespace($0.textContent) })
            {
                return confirmed
            }
            return ArticleTitle.removingSiteName(from: documentTitle, siteNames: siteNames, heuristic: true)
        }
        return heading
    }

    func authors(jsonLD: JSONLDMetadata, meta: MetaTags, page: Page) -> [String] {
        let fromJSONLD = AuthorNames.clean(jsonLD.authors)
        if !fromJSONLD.isEmpty { return fromJSONLD }
        for key in Self.authorKeys {
            let names = AuthorNames.clean(meta.all(key))
            if !names.isEmpty { return names }
        }
        let labelled = AuthorNames.clean(Self.twitterLabelledAuthors(meta))
        if !labelled.isEmpty { return labelled }
        // The byline walk reads class and id words through the page's
        // facts, which the stages after this one read again.
        let bylines = AuthorNames.clean(PageFallbacks.bylines(in: page.document, facts: page.elementFacts))
        page.authorsAreVisibleBylines = !bylines.isEmpty
        return bylines
    }

    /// Twitter cards' label/data pairs that Yoast SEO and others fill with
    /// the byline: `twitter:label1` "Written by", `twitter:data1` the name.
    static func twitterLabelledAuthors(_ meta: MetaTags) -> [String] {
        (1...4).flatMap { index -> [String] in
            guard let label = meta.first("twitter:label\(index)"),
                ["written by", "author", "by", "escrito por", "écrit par", "geschrieben von"].contains(label.lowercased())
            else { return [] }
            return meta.all("twitter:data\(index)")
        }
    }

    /// A host as a title may name its site: `4dayweek.io` for `www.4dayweek.io`.
    static func siteHost(_ host: String) -> String {
        host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// The first of `candidates` that parses as a date, else `fallback`.
    func firstDate(_ candidates: [String?], else fallback: @autoclosure () -> String?) -> String? {
        for case let candidate? in candidates {
            if let date = MetadataDate.iso8601(candidate) { return date }
        }
        return fallback()
    }

    func language(jsonLD: JSONLDMetadata, meta: MetaTags, document: Document) -> String? {
        let candidates: [String?] =
            [PageFallbacks.documentLanguage(document), jsonLD.language]
            + Self.languageKeys.map { meta.first($0) } + [meta.first("og:locale")]
        for case let candidate? in candidates {
            if let tag = LanguageTag.normalize(candidate) { return tag }
        }
        return nil
    }

    /// The first candidate that is, or resolves against the page's URL to,
    /// an absolute http(s) URL.
    func canonicalURL(_ candidates: [String?], base: String?) -> String? {
        let baseURL = base.flatMap { URL(string: $0) }
        for case let candidate? in candidates {
            let text = Text.collapsingWhitespace(candidate)
            guard !text.isEmpty, let url = URL(string: text, relativeTo: baseURL) else { continue }
            let absolute = url.absoluteString
            let scheme = url.scheme?.lowercased()
            if scheme == "http" || scheme == "https", url.host != nil { return absolute }
        }
        return nil
    }
}
