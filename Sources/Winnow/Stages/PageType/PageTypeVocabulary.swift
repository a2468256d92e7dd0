/// What markup, URLs and short texts say about a page's type, as data: the
/// words each kind of site uses for itself. Every list is a convention of
/// the software or the trade (forum engines' URL schemes, shop platforms'
/// paths, documentation generators' furniture), not of one site.
enum PageTypeVocabulary {
    // MARK: - Structured data (JSON-LD `@type`, microdata `itemtype`, lower case)

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "scholarlyarticle",
        "report",
    ]
    static let forumTypes: Set<String> = ["discussionforumposting", "qapage", "question"]
    static let productTypes: Set<String> = ["product", "productgroup", "productmodel", "individualproduct", "offer", "aggregateoffer"]
    static let listTypes: Set<String> = ["itemlist", "collectionpage", "searchresultspage", "offercatalog"]
    static let documentationTypes: Set<String> = ["techarticle", "apireference", "softwaresourcecode"]
    static let serviceTypes: Set<String> = [
        "service", "professionalservice", "localbusiness", "softwareapplication", "webapplication", "financialproduct",
        "insuranceagency", "legalservice", "homeandconstructionbusiness", "medicalbusiness", "educationalorganization",
        "course", "event",
    ]

    // MARK: - URL shapes (path segments, lower case)

    /// Segments forum engines put before a thread (Discourse `/t/`, phpBB
    /// `viewtopic.php`, vBulletin `showthread.php`, XenForo `/threads/`,
    /// Invision `/topic/`, Stack Exchange `/questions/`, Reddit `/comments/`).
    static let forumSegments: Set<String> = [
        "t", "topic", "topics", "thread", "threads", "viewtopic.php", "showthread.php", "discussion", "discussions",
        "questions", "comments", "forum", "forums", "board", "boards", "community", "d", "post", "showtopic.php",
    ]
    /// Host names' first labels that forum software runs under.
    static let forumHostLabels: Set<String> = ["forum", "forums", "community", "discuss", "discussion", "bbs", "boards", "answers"]
    /// Product pages of shop platforms (Shopify `/products/`, Amazon `/dp/`,
    /// eBay `/itm/`, WooCommerce `/product/`, Steam `/app/`).
    static let productSegments: Set<String> = ["product", "products", "dp", "itm", "item", "p", "app", "listing", "gp", "sku", "pd"]
    /// Category and collection pages of shop platforms.
    static let collectionSegments: Set<String> = [
        "collections", "collection", "c", "cat", "category", "categories", "product-category", "shop", "browse", "b",
        "l", "w", "cp", "department", "store", "catalog", "sub-categories", "s",
    ]
    /// Documentation sites' paths and hosts.
    static let documentationSegments: Set<String> = [
        "docs", "doc", "documentation", "reference", "api", "manual", "guide", "guides", "tutorial", "tutorials",
        "learn", "book", "wiki", "man-pages", "handbook", "userguide", "howto", "library", "spec", "specification",
    ]
    static let documentationHostLabels: Set<String> = ["docs", "doc", "developer", "developers", "learn", "wiki", "man7", "devdocs"]
    /// Sections of news and blog sites that list stories.
    static let listingSegments: Set<String> = [
        "news", "blog", "blogs", "tag", "tags", "topic", "section", "sections", "hub", "list", "latest", "newest",
        "trending", "archive", "archives", "jobs", "events", "recent", "issues", "directory", "recipes",
    ]

    // MARK: - Short texts (controls, links, labels), lower case

    static let commercePhrases = [
        "add to cart", "add to bag", "add to basket", "buy now", "in stock", "out of stock", "add to wishlist",
        "free shipping", "free delivery", "write a review", "ships in", "sold out", "pre-order", "shop now",
    ]
    static let documentationPhrases = [
        "edit this page", "edit on github", "on this page", "table of contents", "improve this page",
        "was this page helpful", "view source", "suggest an edit", "in this article", "contents",
    ]
    static let servicePhrases = [
        "get started", "contact us", "request a demo", "book a demo", "get a demo", "free trial", "start free",
        "talk to sales", "contact sales", "get a quote", "schedule a consultation", "sign up free", "try for free",
        "learn more", "our services", "pricing", "testimonials", "why choose us",
    ]
    static let forumPhrases = [
        "reply", "quote", "joined", "posts:", "messages:", "reputation", "report post", "original poster",
        "thread starter", "share this post", "link to post", "reply with quote", "new member", "registered user",
    ]
    static let articlePhrases = [
        "min read", "minute read", "share this article", "related articles", "read more", "leave a comment",
        "posted in", "filed under", "published", "updated",
    ]

    // MARK: - Class and id words

    static let postWords = WordSet(["post", "posts", "message", "messages", "thread", "reply", "replies", "topic", "postbody"])
    static let productWords = WordSet(["product", "price", "cart", "sku", "variant", "add-to-cart", "addtocart", "buy", "checkout"])
    static let cardWords = WordSet(["card", "cards", "item", "items", "tile", "tiles", "teaser", "listing", "grid", "result", "results"])
    static let documentationWords = WordSet(["toc", "docs", "doc", "documentation", "sidebar", "highlight", "admonition", "api", "breadcrumb"])
    static let serviceWords = WordSet(["hero", "feature", "features", "pricing", "testimonial", "testimonials", "cta", "benefits", "faq"])
}
