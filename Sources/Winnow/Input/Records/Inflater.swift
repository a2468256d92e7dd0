import CZlib

/// zlib's inflate over buffers the caller owns. One inflater serves a
/// whole file: `reset()` readies it for the next gzip member.
final class Inflater {
    enum Status {
        /// Some progress; call again with more input or output room.
        case proceeding
        /// The end of one stream (one gzip member) was reached.
        case streamEnd
        /// The data is not what the format says (zlib's own reason).
        case damaged(String)
    }

    /// Gzip members (with header and CRC check).
    static let gzipWindowBits = 16 + winnow_max_wbits()
    /// A zlib stream (HTTP's `Content-Encoding: deflate` as the RFC means it).
    static let zlibWindowBits = winnow_max_wbits()
    /// Raw deflate data (what some servers send as `deflate`).
    static let rawWindowBits = -winnow_max_wbits()

    private let stream: UnsafeMutablePointer<z_stream>

    init?(windowBits: Int32) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard winnow_inflate_init(stream, windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Readies the inflater for a new stream, keeping its memory.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates as much of `input` into `output` as fits.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> (consumed: Int, produced: Int, status: Status)
    {
        guard let outputBase = output.baseAddress, output.count > 0 else { return (0, 0, .proceeding) }
        // zlib's counters are 32-bit: never hand it more than that at once.
        let inputCount = min(input.count, Int(UInt32.max))
        let outputCount = min(output.count, Int(UInt32.max))
        stream.pointee.next_in = input.baseAddress.map {
            UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
        }
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(outputCount)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = inputCount - Int(stream.pointee.avail_in)
        let produced = outputCount - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch code {
        case Z_OK, Z_BUF_ERROR:
            return (consumed, produced, .proceeding)
        case Z_STREAM_END:
            return (consumed, produced, .streamEnd)
        case Z_NEED_DICT:
            return (consumed, produced, .damaged("needs a preset dictionary"))
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            return (consumed, produced, .damaged(reason))
        }
    }
}
