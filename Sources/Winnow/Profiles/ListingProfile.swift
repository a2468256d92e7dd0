/// A list of things (stories, jobs, events: `listing`; products of a
/// category: `collection`): every item's title and summary, in order, are
/// the content, so link-dense cards are kept, not judged as widgets, and
/// summaries folded into hidden panels count too.
struct ListingProfile: PageProfile {
    let pageType: PageType
    let keepsHiddenProse = true
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = false
    let headlineIsTitle = false
    let bylineNamesAuthor = false
    let dropsRepeatedBlocks = true
}
