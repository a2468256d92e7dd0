/// One product: its name, description, specifications, price and
/// availability; the sections of the page that describe it, not only the
/// wordiest one.
struct ProductProfile: PageProfile {
    let pageType = PageType.product
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = true
    let headlineIsTitle = true
}
