import CZlib

/// Compresses text into gzip members. Output written in pieces can end a
/// member at any line boundary (`finishMember()`), so a file cut short by
/// a crash still holds every finished member whole, and appending more
/// members later (`--resume`) leaves a valid gzip file.
public final class GzipEncoder {
    private let stream: UnsafeMutablePointer<z_stream>
    private let level: Int32
    private var memberOpen = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    public init(level: Int32 = 6) {
        self.level = level
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    deinit {
        if memberOpen { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` into the current member (one is started when
    /// none is open); returns the compressed bytes ready so far.
    public func compress(_ bytes: [UInt8]) -> [UInt8] {
        if !memberOpen {
            guard winnow_deflate_init_gzip(stream, level) == Z_OK else {
                fatalError("zlib could not allocate a deflate stream")
            }
            memberOpen = true
        }
        return run(bytes, flush: Z_NO_FLUSH)
    }

    /// Ends the current member (header, data, CRC trailer); returns its
    /// last bytes. Nothing when no member is open.
    public func finishMember() -> [UInt8] {
        guard memberOpen else { return [] }
        let tail = run([], flush: Z_FINISH)
        deflateEnd(stream)
        memberOpen = false
        return tail
    }

    private func run(_ input: [UInt8], flush: Int32) -> [UInt8] {
        var output: [UInt8] = []
        input.withUnsafeBytes { source in
            stream.pointee.next_in = source.baseAddress.map {
                UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let code = chunk.withUnsafeMutableBytes { out -> Int32 in
                    stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(out.count)
                    return deflate(stream, flush)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if flush == Z_FINISH {
                    if code == Z_STREAM_END { break }
                } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 {
                    break
                }
                if code != Z_OK && code != Z_BUF_ERROR && code != Z_STREAM_END { break }
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
        return output
    }
}
