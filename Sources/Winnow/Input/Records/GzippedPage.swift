/// A page stored gzip-compressed (`page.html.gz`, as crawls and the
/// development set keep pages): told by its first bytes, not by its name,
/// and inflated whole, member after member, before anything else reads it.
public enum GzippedPage {
    /// A gzip member starts with 1f 8b and the deflate method (08); no
    /// HTML page starts with those bytes (0x8b is not a character that can
    /// open a UTF-8 or windows-1252 page).
    public static func isGzipped(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B && iterator.next() == 0x08
    }

    /// The bytes inflated when they are gzip data, else as they are.
    /// `limit` bounds the inflated size (a small file can inflate to
    /// gigabytes): past it, `too-large`, before more is held in memory.
    /// Damage is `gzip-corrupt` or `gzip-truncated`, naming `name`.
    public static func inflatedIfGzipped(_ bytes: [UInt8], name: String, limit: Int) throws(InputError) -> [UInt8] {
        guard isGzipped(bytes) else { return bytes }
        let stream = GzipStream(MemoryStream(bytes), name: name)
        var page: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try stream.read(into: &chunk, from: 0)
            if count == 0 { return page }
            guard page.count + count <= limit else {
                throw InputError(
                    kind: "too-large", message: "\(name): page too large: over \(limit) bytes once decompressed")
            }
            page.append(contentsOf: chunk[0..<count])
        }
    }
}
