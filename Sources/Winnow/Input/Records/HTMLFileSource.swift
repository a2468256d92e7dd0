/// One HTML file: one page, inflated first when it is stored gzip-compressed
/// (`page.html.gz`; told by its first bytes).
public final class HTMLFileSource: PageSource {
    private let path: String
    private let name: String
    private let maximumBytes: Int
    private var done = false
    public private(set) var bytesConsumed = 0

    /// `name` is how records name the file (the path as given or walked).
    public init(path: String, name: String, maximumBytes: Int) {
        self.path = path
        self.name = name
        self.maximumBytes = maximumBytes
    }

    public func next() -> InputItem? {
        guard !done else { return nil }
        done = true
        let provenance = Provenance(input: name)
        do {
            let file = try FileStream(path: path)
            // A file over the limit is refused by its size, before reading.
            if let size = file.regularFileSize, size > maximumBytes {
                bytesConsumed = size
                return .failure(
                    provenance,
                    InputError(kind: "too-large", message: "\(name): page too large: \(size) bytes (limit \(maximumBytes))"))
            }
            let reader = ByteReader(file)
            let bytes = try reader.read(count: maximumBytes + 1, expected: file.regularFileSize.map { $0 + 1 })
            bytesConsumed = file.bytesConsumed
            guard bytes.count <= maximumBytes else {
                return .failure(
                    provenance,
                    InputError(kind: "too-large", message: "\(name): page too large: over \(maximumBytes) bytes"))
            }
            let page = try GzippedPage.inflatedIfGzipped(bytes, name: name, limit: maximumBytes)
            return .page(PageRecord(provenance: provenance, bytes: page, url: nil))
        } catch {
            return .failure(provenance, error)
        }
    }
}
