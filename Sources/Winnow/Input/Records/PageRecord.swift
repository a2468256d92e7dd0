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
