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
    /// `article:published_time` and the spellings sites use for it
    /// (htmldate's list of date attributes was the guide).
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time",
        "article:published_date", "article:publicationdate", "article:post_date", "og:article:published",
        "og:pubdate", "og:publish_date", "datepublished", "date_published", "citation_publication_date",
        "citation_date", "citation_online_date", "parsely-pub-date", "sailthru:date", "dc:date", "dc:date:issued",
        "dc:date:publication", "dcterms:issued", "dcterms:date", "dcterms:created", "dc:date:created", "dc:created",
        "pubdate", "publishdate", "publish-date", "publish_date", "publish_time", "published-date", "published_date",
        "published_time", "publication_date", "originalpublicationdate", "article_date_original", "datecreated",
        "dateposted", "displaydate", "rnews:datepublished", "shareaholic:article_published_time", "vr:published_time",
        "mediator_published_time", "date",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "og:modified_time", "article:modified",
        "article:modified_date", "article:post_modified", "datemodified", "dateupdate", "dcterms:modified",
        "dc:date:modified", "dc:modified", "modified_time", "updated_time", "revision_date", "last-modified",
        "lastmodified", "lastmod",
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
            .map { HostNameInTitle.removing(from: $0, host: page.host) }
        metadata.authors = authors(jsonLD: jsonLD, meta: meta, page: page)
        metadata.description = jsonLD.description ?? meta.first(Self.descriptionKeys)
        metadata.language = language(jsonLD: jsonLD, meta: meta, document: page.document)
        let statedModified =
            [jsonLD.modified] + Self.modifiedKeys.flatMap(meta.all)
            + [PageFallbacks.itempropTime("dateModified", among: scan.times),
                PageFallbacks.microformatDate("updated", among: scan.microformatDates, facts: page.elementFacts)]
        let statedPublished =
            [jsonLD.published] + Self.publishedKeys.flatMap(meta.all)
            + [PageFallbacks.itempropTime("datePublished", among: scan.times),
                PageFallbacks.microformatDate("published", among: scan.microformatDates, facts: page.elementFacts),
                PageFallbacks.pubdateTime(among: scan.times)]
        page.statesPublication =
            statedPublished.contains { $0.flatMap(MetadataDate.iso8601) != nil }
            || PageFallbacks.hasArticleTime(
                among: scan.times, heading: scan.firstH1, articleCount: scan.articleCount, facts: page.elementFacts)
        let dates = PageDates(
            statedPublished: statedPublished,
            statedModified: statedModified,
            visible: { latest in
                VisibleDates(
                    candidates: scan.dateCandidates, headlineOffset: scan.headlineOffset, headline: scan.firstH1,
                    articleCount: scan.articleCount, language: metadata.language, latest: latest, facts: page.elementFacts)
            },
            url: page.url ?? scan.canonicalHref)
        metadata.published = dates.published
        metadata.modified = dates.modified
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
    /// site-name or short trailing part; else the first `<h1>`, else the
    /// first heading. A title whose part before a separator is the `<h1>`
    /// is cut there; the only `<h1>`, when it rewords the title, replaces
    /// it (`HeadlineOverTitle`). Text that is no title (`ArticleTitle.isTitle`: a
    /// `<title>` left unclosed swallows the page's markup and scripts) is
    /// passed over, from any source.
    func title(jsonLD: JSONLDMetadata, meta: MetaTags, scan: MetadataScan, siteNames: [String]) -> String? {
        let usable = { (text: String?) -> String? in
            text.map(ArticleTitle.decodingReferences).flatMap { ArticleTitle.isTitle($0) ? $0 : nil }
        }
        let headings = scan.headings.lazy.map { Text.collapsingWhitespace(Self.headingText($0)) }
        // A logo in an `<h1>` (a link home) names the site, not the page.
        let heading = usable(scan.firstH1.flatMap { Self.isHomeLink($0) ? nil : Text.collapsingWhitespace(Self.headingText($0)) })
        let metaTitle = usable(meta.first(Self.titleKeys))
        let documentTitle = usable(scan.title)
        let chosen = statedTitle(
            jsonLD: usable(jsonLD.title(closestTo: metaTitle ?? documentTitle)), metaTitle: metaTitle,
            documentTitle: documentTitle, heading: heading, headings: Array(headings), siteNames: siteNames)
        // The first heading stands in only for a `<title>` that is no
        // title (a broken one): on a page that gives none, a section's
        // `<h2>` ("Costs") is no title, and would leave the text as one.
        let brokenTitle = scan.title != nil && documentTitle == nil
        let stated = [chosen, metaTitle, heading, brokenTitle ? headings.first(where: ArticleTitle.isTitle) : nil].lazy
            .compactMap { $0 }.first(where: ArticleTitle.isTitle)
        return HeadlineOverTitle.title(stated: stated, headline: heading, headlineCount: scan.h1Count)
    }

    /// A heading's text without what its `<style>`, `<script>`,
    /// `<noscript>` and `<template>` elements hold: CSS-in-JS frameworks
    /// put their style rules inside the heading they style, and the
    /// heading's text content would start ".css-1a8e5pi{cursor:pointer;…}".
    static func headingText(_ heading: Node) -> String {
        var text = ""
        heading.walkDescendants { child in
            if child.isText {
                text += child.textContent
                return .skipChildren
            }
            guard child.isElement else { return .skipChildren }
            switch child.tag {
            case .script, .style, .noscript, .template: return .skipChildren
            default: return .descend
            }
        }
        return text
    }

    /// Whether `heading` is nothing but a link to the site's home page.
    static func isHomeLink(_ heading: Node) -> Bool {
        let links = heading.descendantElements().filter { $0.hasName("a") }
        guard links.count == 1, let link = links.first, let href = link.attribute("href").map(Text.collapsingWhitespace) else {
            return false
        }
        guard Text.collapsingWhitespace(link.textContent) == Text.collapsingWhitespace(heading.textContent) else { return false }
        if href == "/" || href == "./" || href == "index.html" { return true }
        guard let url = URL(string: href), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return url.path.isEmpty || url.path == "/"
    }

    private func statedTitle(
        jsonLD: String?, metaTitle: String?, documentTitle: String?, heading: String?, headings: @autoclosure () -> [String],
        siteNames: [String]
    ) -> String? {
        if var stated = jsonLD ?? metaTitle {
            // JSON-LD headlines are often cut at 110 characters for search
            // engines: a longer title that begins the same way is the whole one.
            if stated.hasSuffix("…") || stated.hasSuffix("...") {
                let stem = stated.trimmingCharacters(in: CharacterSet(charactersIn: ".… "))
                if let whole = [metaTitle, documentTitle].compactMap({ $0 }).first(where: {
                    $0.count > stem.count && $0.hasPrefix(stem)
                }) {
                    stated = whole
                }
            }
            if let heading, let confirmed = ArticleTitle.prefix(of: stated, matching: heading)
                ?? ArticleTitle.part(of: stated, confirmedBy: heading, otherHeadings: headings(), siteNames: siteNames)
            {
                return confirmed
            }
            return ArticleTitle.removingSiteName(from: stated, siteNames: siteNames, heuristic: false)
        }
        if let documentTitle {
            if let heading, let confirmed = ArticleTitle.prefix(of: documentTitle, matching: heading)
                ?? ArticleTitle.part(of: documentTitle, confirmedBy: heading, otherHeadings: headings(), siteNames: siteNames)
            {
                return confirmed
            }
            if let confirmed = ArticleTitle.part(afterColonOf: documentTitle, matchingAnyOf: headings()) {
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
