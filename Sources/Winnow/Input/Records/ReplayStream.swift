/// A stream that first gives back bytes already read from another (to
/// look at a file's start), then the rest of it.
final class ReplayStream: ByteStream {
    private var prefix: [UInt8]
    private let rest: ByteStream

    init(prefix: [UInt8], rest: ByteStream) {
        self.prefix = prefix
        self.rest = rest
    }

    var bytesConsumed: Int { rest.bytesConsumed }

    /// The same positions as `rest`: the replayed bytes are its first ones.
    var verifiedOffset: Int? { rest.verifiedOffset }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard prefix.isEmpty else {
            let count = min(prefix.count, buffer.count)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            prefix.removeFirst(count)
            return count
        }
        return try rest.read(into: buffer)
    }

    /// Reads up to `count` bytes from the start of `stream` (fewer at its end).
    static func start(of stream: ByteStream, count: Int) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try stream.read(into: &bytes, from: filled)
            if read == 0 { break }
            filled += read
        }
        return Array(bytes[0..<filled])
    }
}
