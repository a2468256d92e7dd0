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
    /// Services, and the schema.org `LocalBusiness` subtypes that sell a
    /// service rather than goods (a plumber's or a dentist's site declares
    /// `Plumber` or `Dentist`, not their parent type). `Store` and its
    /// subtypes are left out: a shop's pages are products and collections.
    static let serviceTypes: Set<String> = [
        "service", "professionalservice", "localbusiness", "softwareapplication", "webapplication", "financialproduct",
        "insuranceagency", "legalservice", "homeandconstructionbusiness", "medicalbusiness", "educationalorganization",
        "course", "event",
        // HomeAndConstructionBusiness
        "electrician", "generalcontractor", "hvacbusiness", "housepainter", "locksmith", "movingcompany", "plumber",
        "roofingcontractor",
        // LegalService, FinancialService
        "attorney", "notary", "financialservice", "accountingservice", "bankorcreditunion",
        // MedicalBusiness, HealthAndBeautyBusiness
        "dentist", "physician", "medicalclinic", "optician", "physiotherapy", "healthandbeautybusiness", "beautysalon",
        "dayspa", "hairsalon", "nailsalon", "healthclub", "veterinarycare",
        // AutomotiveBusiness and other service trades
        "automotivebusiness", "autorepair", "autobodyshop", "autowash", "childcare", "drycleaningorlaundry",
        "emergencyservice", "employmentagency", "realestateagent", "travelagency", "selfstorage",
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

    /// Words of class and id tokens, each with the kinds of page it speaks
    /// for, in the order of `PageEvidence`'s word counts: post, product,
    /// card, documentation, service.
    static let classWords = WordClasses([
        ["post", "posts", "message", "messages", "thread", "reply", "replies", "topic", "postbody"],
        ["product", "price", "cart", "sku", "variant", "add-to-cart", "addtocart", "buy", "checkout"],
        ["card", "cards", "item", "items", "tile", "tiles", "teaser", "listing", "grid", "result", "results"],
        ["toc", "docs", "doc", "documentation", "sidebar", "highlight", "admonition", "api", "breadcrumb"],
        ["hero", "feature", "features", "pricing", "testimonial", "testimonials", "cta", "benefits", "faq"],
    ])
}

/// Class and id words, each with a bit per list it is in: one binary
/// search over the words' `NameHash`es answers for every list at once
/// (the page-type walk asks it of every element's words).
struct WordClasses: Sendable {
    private let hashes: [UInt64]
    private let classes: [UInt8]

    init(_ lists: [[String]]) {
        precondition(lists.count <= 8, "one bit a list")
        var entries: [(hash: UInt64, word: String, classes: UInt8)] = []
        for (index, list) in lists.enumerated() {
            for word in list {
                let hash = NameHash.of(word)
                if let found = entries.firstIndex(where: { $0.word == word }) {
                    entries[found].classes |= 1 << UInt8(index)
                } else {
                    entries.append((hash, word, 1 << UInt8(index)))
                }
            }
        }
        entries.sort { ($0.hash, $0.word) < ($1.hash, $1.word) }
        precondition(Set(entries.map(\.hash)).count == entries.count, "two class words share a NameHash")
        hashes = entries.map(\.hash)
        classes = entries.map(\.classes)
    }

    /// The lists (as bits) that hold a word of `nameWords`.
    func classes(of nameWords: NameWords) -> UInt8 {
        var found: UInt8 = 0
        for position in nameWords.words.indices {
            let hash = nameWords.wordHashes[position]
            var low = 0
            var high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < hash { low = middle + 1 } else { high = middle }
            }
            // The hash alone decides: a 64-bit collision among a few dozen
            // words would miscount one figure, and comparing the words
            // cost more than the search.
            if low < hashes.count, hashes[low] == hash { found |= classes[low] }
        }
        return found
    }
}
