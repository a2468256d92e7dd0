/// A business's page about what it offers: the main region's sections
/// together (hero, features, how it works, testimonials, pricing, FAQ),
/// not the single wordiest one; the frame still goes. Answers folded into
/// accordions and tabs are part of the pitch (with the page types given,
/// keeping them took the development set's service pages from 0.792 to
/// 0.815 main F1).
struct ServiceProfile: PageProfile {
    let pageType = PageType.service
    let keepsHiddenProse = true
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = false
    let headlineIsTitle = false
    let bylineNamesAuthor = false
    let dropsRepeatedBlocks = false
}
