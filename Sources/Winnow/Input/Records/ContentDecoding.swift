/// HTTP `Content-Encoding` as crawlers save it: the body still gzip- or
/// deflate-compressed, as the server sent it.
enum ContentDecoding {
    /// The body with `codings` undone (last applied, first undone).
    static func decode(_ body: [UInt8], codings: [String], limit: Int) -> Result<[UInt8], InputError> {
        var bytes = body
        for coding in codings.reversed() {
            let result: Result<[UInt8], InputError>
            switch coding {
            case "gzip", "x-gzip":
                result = inflate(bytes, windowBits: Inflater.gzipWindowBits, limit: limit, coding: coding)
            case "deflate":
                // The RFC's deflate is a zlib stream; many servers send raw
                // deflate instead. The zlib header check tells them apart.
                switch inflate(bytes, windowBits: Inflater.zlibWindowBits, limit: limit, coding: coding) {
                case .success(let inflated): result = .success(inflated)
                case .failure(let error) where error.kind == "too-large": result = .failure(error)
                case .failure:
                    result = inflate(bytes, windowBits: Inflater.rawWindowBits, limit: limit, coding: coding)
                }
            default:
                return .failure(
                    InputError(kind: "unsupported-encoding", message: "Content-Encoding \(coding) is not supported"))
            }
            switch result {
            case .success(let decoded): bytes = decoded
            case .failure: return result
            }
        }
        return .success(bytes)
    }

    /// Inflates all of `input` (gzip members one after another).
    private static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int, coding: String)
        -> Result<[UInt8], InputError>
    {
        guard let inflater = Inflater(windowBits: windowBits) else {
            return .failure(InputError(kind: "internal", message: "zlib could not allocate an inflate stream"))
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var consumedTotal = 0
        var ended = false
        while consumedTotal < input.count || !ended {
            let step = input.withUnsafeBytes { bytes in
                chunk.withUnsafeMutableBytes { out in
                    inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[consumedTotal...]), into: out)
                }
            }
            consumedTotal += step.consumed
            output.append(contentsOf: chunk[0..<step.produced])
            guard output.count <= limit else {
                return .failure(
                    InputError(kind: "too-large", message: "page too large: over \(limit) bytes once decompressed"))
            }
            switch step.status {
            case .streamEnd:
                ended = true
                inflater.reset()
                // Padding after the last member is tolerated.
                if input[consumedTotal...].allSatisfy({ $0 == 0 }) { return .success(output) }
                ended = false
            case .damaged(let reason):
                return .failure(
                    InputError(kind: "http-encoding", message: "bad Content-Encoding \(coding) data: \(reason)"))
            case .proceeding:
                if step.consumed == 0 && step.produced == 0 {
                    return .failure(
                        InputError(
                            kind: "http-encoding", message: "Content-Encoding \(coding) data ends before its stream does"))
                }
            }
        }
        return .success(output)
    }
}
