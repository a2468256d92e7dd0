/// What content means for one kind of page (`PageType`): the questions the
/// content stages ask, each profile answering for its type. A stage asks
/// `page.profile`, never the type itself, so what a type changes is said
/// in one small unit per type.
protocol PageProfile: Sendable {
    var pageType: PageType { get }

    /// Threads of comment-shaped items are the page's content (a forum's
    /// posts): the comment stage leaves them in place (unless a user's rule
    /// names the section) and conditional cleaning keeps them whole.
    var threadsAreContent: Bool { get }

    /// Runs of dated, signed blocks that no markup names are a reader
    /// thread even when no heading announces one (see `BylineRuns`): under
    /// an article they are its comments; on a product or service page
    /// they are its reviews and testimonials, on a listing its cards,
    /// which the page is made of, unless a heading says comments.
    var unmarkedRunsAreComments: Bool { get }

    /// Whether hidden blocks of prose are content the page shows on a
    /// click (a product's description and specifications in tabs and
    /// accordions), kept by the hidden-element stage.
    var keepsHiddenProse: Bool { get }

    /// How the main-content stage bounds the content.
    var contentScope: ContentScope { get }

    /// Whether conditional cleaning judges the blocks inside the content
    /// by their figures (mostly links, short, more images than text): an
    /// article's widgets go, a listing's cards are its content.
    var cleansWidgets: Bool { get }

    /// Blocks that go before the content's `blocks`: what the page states
    /// only as data (a product's description from its structured data).
    func leadingBlocks(before blocks: [Block], on page: Page) -> [Block]

    /// Whether a byline found on the visible page names the page's author.
    /// An article's or a thread's does; on a product page the names are
    /// reviewers', on a service page customers' under testimonials, on a
    /// listing the first card's author: there only structured data
    /// (JSON-LD, `<meta>`) names the page's author.
    var bylineNamesAuthor: Bool { get }

    /// Whether a block of prose that the page shows a second time is a
    /// copy its layout made, which goes (`RepeatedBlocks`): a shop's
    /// phone and desktop renderings, a forum's signatures. An article's
    /// or a manual's repeats are its author's.
    var dropsRepeatedBlocks: Bool { get }

    /// Whether the headline inside the content is the page's title and
    /// leaves the text (an article's truth, and a reader, have it once, as
    /// `title`); a service or listing page's headline is part of its pitch.
    var headlineIsTitle: Bool { get }
}

/// How much of the page the content is.
enum ContentScope: Sendable {
    /// One container: the element that markup names or that holds the
    /// most prose, with sibling parts of it (an article).
    case container
    /// The page's main region: its `<main>` (or `role=main`) when that
    /// holds most of the text the frame stage left, else the whole body
    /// that stage left: every section of a service page, every card of a
    /// listing.
    case region
}

extension PageProfile {
    func leadingBlocks(before blocks: [Block], on page: Page) -> [Block] { [] }
}

extension Page {
    /// The profile of the page's type.
    var profile: any PageProfile { PageProfiles.profile(for: pageType) }
}

enum PageProfiles {
    static func profile(for type: PageType) -> any PageProfile {
        switch type {
        case .article, .other: return ArticleProfile()
        case .forum: return ForumProfile()
        case .product: return ProductProfile()
        case .collection, .listing: return ListingProfile(pageType: type)
        case .documentation: return DocumentationProfile()
        case .service: return ServiceProfile()
        }
    }
}
