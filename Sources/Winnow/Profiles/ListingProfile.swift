/// A list of things (stories, jobs, events: `listing`; products of a
/// category: `collection`): every item's title and summary, in order, are
/// the content, so link-dense cards are kept, not judged as widgets.
struct ListingProfile: PageProfile {
    let pageType: PageType
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = false
    let headlineIsTitle = false
}
