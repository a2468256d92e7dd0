/// A business's page about what it offers: the main region's sections
/// together (hero, features, how it works, testimonials, pricing, FAQ),
/// not the single wordiest one; the frame still goes.
struct ServiceProfile: PageProfile {
    let pageType = PageType.service
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = false
    let headlineIsTitle = false
}
