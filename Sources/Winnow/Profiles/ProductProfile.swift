/// One product: its name, description, specifications, price and
/// availability; the sections of the page that describe it, not only the
/// wordiest one. The description and specifications often wait in hidden
/// tabs and accordions: those are kept.
struct ProductProfile: PageProfile {
    let pageType = PageType.product
    let keepsHiddenProse = true
    let threadsAreContent = false
    let contentScope = ContentScope.region
    let cleansWidgets = true
    let headlineIsTitle = true
}
