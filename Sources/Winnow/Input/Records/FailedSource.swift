/// An input that could not even be opened: one failure.
final class FailedSource: PageSource {
    private var item: InputItem?
    let bytesConsumed = 0

    init(_ provenance: Provenance, _ error: InputError) {
        item = .failure(provenance, error)
    }

    func next() -> InputItem? {
        defer { item = nil }
        return item
    }
}
