/// A source of bytes read in chunks: a file, standard input, or a
/// decompressor over another stream.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; 0 means the end.
    ///
    /// A thrown `InputError` reports damage, not necessarily the end: a
    /// stream that can recover (a gzip reader skipping to its next member)
    /// goes on after it on the next call; any other is at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int

    /// Bytes taken from the underlying file so far.
    var bytesConsumed: Int { get }
}
