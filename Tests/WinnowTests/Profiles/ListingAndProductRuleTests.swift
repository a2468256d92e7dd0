import Foundation
import Testing
@testable import Winnow

/// The built-in rules for listings, shops' category pages and product
/// pages (issue 14), each on a small page reconstructed from the layouts
/// of the development set.
struct ListingAndProductRuleTests {
    static func clean(_ html: String, as type: PageType) throws -> Article {
        try Cleaner(options: CleanerOptions(pageType: type)).clean(bytes: Array(html.utf8), url: "https://shop.example/c/tiles")
    }

    /// A shop's category page: a sort and filter bar with no telling
    /// class, and cards that each carry "Quick view", "Add to cart" and a
    /// badge beside the item's name and price. (The rule tests blocks, as
    /// every `drop-text` rule does; a link alone, `<a>Quick view</a>`, is
    /// no block it tests.)
    static let category: String = {
        var cards = ""
        for index in 1...6 {
            cards += """
                <li class="tile"><div class="tile__badge">\(index.isMultiple(of: 2) ? "New" : "Sold out")</div>
                <a href="/p/\(index)"><h3>Glazed harbour tile number \(index)</h3></a>
                <div class="tile__price">$\(index)4.00</div><div class="tile__qv" data-qv="\(index)">Quick view</div>
                <span class="tile__cta">Add to cart</span></li>
                """
        }
        return """
            <html><body><main><h1>Wall tiles</h1>
            <p>Hand-glazed wall tiles fired in small batches, for kitchens, bathrooms and the odd fireplace surround.</p>
            <div class="plp-head"><span>Filters</span><span>Sort by: Featured</span><span>Price</span></div>
            <ul class="grid">\(cards)</ul>
            <p>Sale on harbour tiles ends on Sunday.</p></main></body></html>
            """
    }()

    @Test func aCategoryPageDropsItsCardControlsAndKeepsItsItems() throws {
        for type in [PageType.collection, .listing] {
            let article = try Self.clean(Self.category, as: type)
            for index in 1...6 {
                #expect(article.text.contains("Glazed harbour tile number \(index)"), "\(type)")
                #expect(article.text.contains("$\(index)4.00"), "\(type)")
            }
            for control in ["Quick view", "Add to cart", "Sold out", "Filters", "Sort by: Featured"] {
                #expect(!article.text.contains(control), "\(type): \(control)")
            }
            #expect(!article.text.split(separator: "\n").contains { $0 == "New" || $0 == "Price" }, "\(type)")
            // A sentence that starts like a badge is no badge.
            #expect(article.text.contains("Sale on harbour tiles ends on Sunday."), "\(type)")
        }
        // The rule is the listing types' only: a service page's "Learn
        // more" or an article's "New" stays theirs to judge.
        let service = try Self.clean(Self.category, as: .service)
        #expect(service.text.contains("Sold out"))
    }

    /// A shop's home or category page with a review platform's carousel
    /// (Judge.me's `jdgm-carousel`) under its products: the reviews are no
    /// item of the collection. A listing keeps them: it may be a list of
    /// reviews.
    @Test func aCollectionDropsAReviewCarouselAndAListingKeepsIt() throws {
        let review = "Wish I had bought it sooner: the mat stays flat and grips well, even on a sweaty morning."
        let html = Self.category.replacingOccurrences(of: "</main>", with: """
            <section class="jdgm-carousel"><h2>Featured reviews</h2><div class="jdgm-carousel-item">
            <p>\(review)</p><span>Amanda H.</span></div></section></main>
            """)
        let collection = try Self.clean(html, as: .collection)
        #expect(!collection.text.contains(review))
        #expect(collection.text.contains("Glazed harbour tile number 6"))
        #expect(try Self.clean(html, as: .listing).text.contains(review))
    }

    /// A job board's cards each end with the job's skills as a tag list
    /// (`ul.tags`): on a listing or a collection they are part of the
    /// item; under an article the same list is the post's tags, and goes.
    @Test func aListingKeepsItsCardsTagsAnArticleDropsItsTagList() throws {
        var cards = ""
        for index in 1...5 {
            cards += """
                <li class="job"><a href="/jobs/\(index)"><h3>Senior harbour engineer \(index)</h3></a>
                <p>Port of Example, remote within the region, full time.</p>
                <ul class="tags"><li><a href="/t/swift">Swift skill \(index)</a></li><li><a href="/t/tide">Tide tables</a></li></ul></li>
                """
        }
        let board = """
            <html><body><main><h1>Engineering jobs</h1>
            <p>New roles at ports and harbours, updated every morning, with the salary where the employer states it.</p>
            <ul class="jobs">\(cards)</ul></main></body></html>
            """
        for type in [PageType.listing, .collection] {
            let article = try Self.clean(board, as: type)
            #expect(article.text.contains("Swift skill 3"), "\(type)")
        }
        let post = try Self.clean("""
            <html><body><article><h1>Tide tables, explained</h1>
            <p>Tide tables give the times and heights of high and low water, port by port, a year ahead, from the harmonic constants.</p>
            <p>Read them with the chart datum in mind: heights are above it, and it sits near the lowest astronomical tide.</p>
            <ul class="tags"><li><a href="/t/tides">Tides</a></li><li><a href="/t/charts">Charts</a></li></ul>
            </article></body></html>
            """, as: .article)
        #expect(post.text.contains("chart datum"))
        #expect(!post.text.contains("Charts"))
    }

    /// A facet panel named by the word `filter` alone
    /// (`collection-filter`, `js-filter`): its values are no items. A word that only starts so (`filtered`) names
    /// nothing. (The page holds more than `Cleaner.minimumArticleChars`:
    /// a shorter one is cleaned again with the frame stage's removals
    /// spared, this rule's among them.)
    @Test func aFacetNamedFilterGoesFromACategoryPage() throws {
        let html = Self.category.replacingOccurrences(of: "<ul class=\"grid\">", with: """
            <div class="collection-filter js-filter"><ul><li><a href="?t=1">0 to 19 degrees (45)</a></li>
            <li><a href="?t=2">20 to 39 degrees (61)</a></li><li><a href="?t=3">40 degrees and above (12)</a></li></ul></div>
            <p class="filtered-note">Tiles glazed by hand in our own kiln since 1987. Each batch is fired twice, once for the
            body and once for the glaze, so no two tiles carry quite the same colour; order a few more than the wall needs, and
            keep the spares for the day one cracks. Samples of every glaze go out free within the week.</p><ul class="grid">
            """)
        let collection = try Self.clean(html, as: .collection)
        #expect(!collection.text.contains("20 to 39 degrees"))
        #expect(collection.text.contains("Tiles glazed by hand in our own kiln since 1987."))
        #expect(collection.text.contains("Glazed harbour tile number 6"))
    }

    /// A product's specifications whose every value links to the shop's
    /// other products with it: link-dense, yet the product's facts. A
    /// product keeps them; an article judges such a block a widget.
    @Test func aProductKeepsItsLinkedSpecifications() throws {
        let specs = [("Body", "Alder"), ("Neck", "Maple"), ("Fingerboard", "Rosewood"), ("Frets", "22 Medium Jumbo"),
                     ("Pickups", "3 Player II Alnico V single coils"), ("Scale", "648 mm"), ("Colour", "Black Copper Glow")]
        let items = specs.map { #"<li>\#($0.0): <a href="/c/\#($0.1.lowercased())">\#($0.1)</a></li>"# }.joined()
        let html = """
            <html><body><main><h1>Player II Strat</h1>
            <p>An electric guitar with a contoured alder body, a modern C neck and three single-coil pickups wired through
            a five-way switch, for bright cleans and a warm, biting crunch once the amplifier is turned up. It ships set up
            with 009 strings and a gig bag, and the tremolo is decked for players who want it stable.</p>
            <div class="spec-list"><ul>\(items)</ul></div></main></body></html>
            """
        let product = try Self.clean(html, as: .product)
        #expect(product.text.contains("Fingerboard: Rosewood"))
        #expect(product.text.contains("Colour: Black Copper Glow"))
        #expect(!(try Self.clean(html, as: .article).text.contains("Fingerboard: Rosewood")))
    }

    /// A product page whose terms of service wait in a script framework's
    /// modal (`aria-modal="true"`, no `role=dialog`), longer than the
    /// product's description: the modal goes, the description stays. (The
    /// description is longer than `Cleaner.minimumArticleChars`: a shorter
    /// text makes the cleaner retry with the frame stage's removals
    /// spared, a modal's included.)
    @Test func aDeclaredModalIsNoPartOfAProductPage() throws {
        let clause = "These terms apply to your use of the shop, its orders, its returns and its gift cards, and to every purchase made through it. "
        let html = """
            <html><body><div class="page"><h1>Wool Runner</h1>
            <p>A wool sneaker with a cushioned sugarcane midsole, knit from superfine merino that keeps feet
            cool in summer and warm in winter, and washable in a machine on a cold cycle.</p>
            <div class="details"><h2>Materials</h2><p>Upper of ZQ-certified merino wool; insole of castor bean oil foam;
            laces of recycled polyester.</p><h2>Wash and care</h2><p>Take out the insoles and laces, put the shoes in a
            delicates bag and wash them on a gentle cold cycle with mild detergent; let them dry in the air, away from a
            radiator, and put in new insoles when the old ones flatten.</p></div></div>
            <div id="modal-terms" aria-modal="true" class="fixed inset-0"><div class="panel"><h2>Terms of Service</h2>
            <p>\(String(repeating: clause, count: 12))</p></div></div></body></html>
            """
        let article = try Self.clean(html, as: .product)
        #expect(article.text.contains("A wool sneaker with a cushioned sugarcane midsole"))
        #expect(article.text.contains("Upper of ZQ-certified merino wool"))
        #expect(!article.text.contains("These terms apply"))
        #expect(!article.text.contains("Terms of Service"))
    }

    /// REI's layout: the product's description, then a reviews section
    /// (`div.product-reviews`) whose reviews hold more prose than the
    /// description. The frame guard would keep the section as the
    /// article; on a product page reviews are never the content.
    @Test func reviewsThatOutweighTheDescriptionGoFromAProductPage() throws {
        let review = "<div class=\"individual-review\"><p class=\"individual-review__review\">Fantastic bag that just falls short "
            + "of five stars for me. It is spacious, well built and comfortable on long days, though the hip belt pockets are "
            + "small for a phone and the bottle sleeves are tight once the main compartment is full.</p></div>"
        let html = """
            <html><body><main><h1>Trail 40 Pack</h1>
            <p>A top-loading pack for long day hikes, with a padded hip belt, a ventilated back panel, side bottle
            sleeves and a rain cover that stows in the lid, cut from recycled nylon ripstop that shrugs off brush.</p>
            <div class="product-reviews"><h2>Reviews</h2><section class="product-reviews__reviews-list">
            \(String(repeating: review, count: 6))</section></div></main></body></html>
            """
        let product = try Self.clean(html, as: .product)
        #expect(product.text.contains("A top-loading pack for long day hikes"))
        #expect(!product.text.contains("Fantastic bag"))
    }
}
