/// Tag vocabularies shared by the stages that read the tree's structure.
enum HTMLVocabulary {
    /// Elements that start a new block of text; anything else is inline.
    static let blockTags = TagSet([
        .address, .article, .aside, .blockquote, .body, .center, .dd, .details, .dialog, .dir, .div,
        .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6,
        .header, .hgroup, .hr, .html, .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary,
        .table, .tbody, .td, .tfoot, .th, .thead, .tr, .ul, .caption, .noscript, .img, .video,
        .audio, .picture, .iframe, .object,
    ])

    static let headingTags = TagSet([.h1, .h2, .h3, .h4, .h5, .h6])
}
