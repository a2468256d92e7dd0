/// What kind of page this is, which decides what its content is: an
/// article's prose, a thread's posts, a product's facts, a list's items.
/// The names are WCXB's page types (Foley, 2026), the benchmark whose
/// ground truth defines content per type; `other` is a page that fits none.
public enum PageType: String, Sendable, CaseIterable, Codable {
    case article
    case forum
    case product
    case collection
    case listing
    case documentation
    case service
    case other

    /// The type named `name` (as written in JSON and on the command line),
    /// case-insensitively.
    public init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }
}
