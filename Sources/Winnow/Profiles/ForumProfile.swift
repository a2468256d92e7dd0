/// A thread: its posts, in order, are the content (WCXB's truth keeps each
/// post's author line and text), never comments on the page.
struct ForumProfile: PageProfile {
    let pageType = PageType.forum
    let keepsHiddenProse = false
    let threadsAreContent = true
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.region
    let cleansWidgets = true
    let headlineIsTitle = true
    let bylineNamesAuthor = true
    let dropsRepeatedBlocks = true
}
