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

    /// Where the bytes read so far stop being checked by the format
    /// itself (a gzip member's CRC): a reader can ask a record's bytes to
    /// be checked before it trusts them. Nil for a stream with no checks.
    var verifiedOffset: Int? { get }
}

extension ByteStream {
    public var verifiedOffset: Int? { nil }
}

extension ByteStream {
    /// Reads into `array` from `offset` to its end; 0 means the end. The
    /// typed error is carried out by hand: the closure of
    /// `withUnsafeMutableBytes` cannot throw it.
    func read(into array: inout [UInt8], from offset: Int) throws(InputError) -> Int {
        var failure: InputError?
        let count = array.withUnsafeMutableBytes { bytes -> Int in
            do throws(InputError) {
                return try read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[offset...]))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return count
    }
}
