/// Bytes in memory read as a stream: a stored page being inflated, or (in
/// tests) input handed out in small chunks so that readers cross their
/// buffer edges many times.
final class MemoryStream: ByteStream {
    private let bytes: [UInt8]
    private let chunk: Int
    private(set) var bytesConsumed = 0

    /// `chunk` caps how many bytes one read hands out.
    init(_ bytes: [UInt8], chunk: Int = .max) {
        self.bytes = bytes
        self.chunk = chunk
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(chunk, buffer.count, bytes.count - bytesConsumed)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + bytesConsumed, byteCount: count)
        }
        bytesConsumed += count
        return count
    }
}
