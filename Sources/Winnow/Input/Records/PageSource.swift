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
