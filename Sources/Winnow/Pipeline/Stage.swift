/// One named step of the cleaning pipeline. A stage works on the page in
/// place; it removes nodes only through `Page.remove(_:rule:)`.
public protocol Stage: Sendable {
    /// The stage's name, as it appears in rule files and the removal log.
    var name: String { get }

    func run(on page: Page) throws
}
