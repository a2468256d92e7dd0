/// One page found in an input, ready to clean.
public struct PageRecord: Sendable {
    public var provenance: Provenance
    public var bytes: [UInt8]
    public var url: String?
    /// A charset the transport named (an HTTP `Content-Type`), passed to
    /// the cleaner as a hint the bytes can overrule.
    public var charset: String?

    public init(provenance: Provenance, bytes: [UInt8], url: String?, charset: String? = nil) {
        self.provenance = provenance
        self.bytes = bytes
        self.url = url
        self.charset = charset
    }
}

/// What reading an input yields, one at a time: a page, a record that
/// could not be read (it still gets an output record), or something that
/// is not a page at all and is only counted (a WARC `request` record, an
/// image response, a blank line).
public enum InputItem: Sendable {
    case page(PageRecord)
    case failure(Provenance, InputError)
    case skipped(reason: String)
}

/// A reader of one input's records, in input order. Reading streams: an
/// input of any size is held at most one record at a time.
public protocol PageSource: AnyObject {
    /// The next item, or nil at the end. Never throws: a bad record is an
    /// item, and the source goes on after it where it can.
    func next() -> InputItem?
    /// Bytes read from the underlying file so far (compressed bytes for a
    /// gzip file), for progress.
    var bytesConsumed: Int { get }
}
