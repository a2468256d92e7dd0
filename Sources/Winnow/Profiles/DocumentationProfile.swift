/// A page of documentation: its body with code blocks, tables and
/// admonitions; the sidebar, table of contents and prev/next go with the
/// frame.
struct DocumentationProfile: PageProfile {
    let pageType = PageType.documentation
    let threadsAreContent = false
    let unmarkedRunsAreComments = false
    let contentScope = ContentScope.container
    let cleansWidgets = true
    let headlineIsTitle = true
}
