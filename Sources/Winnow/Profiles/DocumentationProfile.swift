/// A page of documentation: its body with code blocks, tables and
/// admonitions; the sidebar, table of contents and prev/next go with the
/// frame. Hidden tabs of examples (one per language) are part of it.
struct DocumentationProfile: PageProfile {
    let pageType = PageType.documentation
    let keepsHiddenProse = true
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.container
    let cleansWidgets = true
    let headlineIsTitle = true
    let bylineNamesAuthor = true
    let dropsRepeatedBlocks = false
}
