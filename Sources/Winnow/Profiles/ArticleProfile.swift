/// A story, a post, a report: one body of prose, the widgets inside it
/// dropped, the headline as `title`. The profile of pages of no known type
/// too, and of pages whose type is uncertain: its single-container rule
/// fails most gracefully.
struct ArticleProfile: PageProfile {
    let pageType = PageType.article
    let keepsHiddenProse = false
    let threadsAreContent = false
    let unmarkedRunsAreComments = true
    let contentScope = ContentScope.container
    let cleansWidgets = true
    let headlineIsTitle = true
    let bylineNamesAuthor = true
    let dropsRepeatedBlocks = false
}
