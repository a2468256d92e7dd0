/// Decompresses a gzip file member after member, as web archives write
/// them (`.warc.gz` is one member per record): zlib's inflate in gzip mode,
/// reset at the end of each member, so reading never stops after the first.
///
/// Damage is reported and survived: corrupt data or garbage between
/// members throws once, then reading resumes at the next gzip header
/// found; a file that ends inside a member throws `gzip-truncated`.
public final class GzipStream: ByteStream {
    private let source: ByteStream
    private let name: String
    private let inflater: Inflater
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    private var finished = false
    /// The current member has started (some of its bytes were consumed).
    private var insideMember = false
    private var pendingError: InputError?
    /// Position in the compressed file of `input[inputStart]`.
    private var compressedOffset = 0
    /// Where the current member started (or should have).
    private var memberStart = 0

    /// Bytes produced so far.
    public private(set) var decompressedOffset = 0
    /// Where the last complete member ended: compressed and decompressed
    /// offsets (what `--resume` truncates a `.jsonl.gz` to).
    public private(set) var lastMemberEnd = (compressed: 0, decompressed: 0)
    public private(set) var membersCompleted = 0

    public var bytesConsumed: Int { source.bytesConsumed }

    public init(_ source: ByteStream, name: String) {
        self.source = source
        self.name = name
        // Inflater.init fails only when zlib cannot allocate its state.
        guard let inflater = Inflater(windowBits: Inflater.gzipWindowBits) else {
            fatalError("zlib could not allocate an inflate stream")
        }
        self.inflater = inflater
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        guard !finished, buffer.count > 0 else { return 0 }
        while true {
            if inputStart == inputEnd {
                guard try refill() else {
                    finished = true
                    if insideMember {
                        throw InputError(
                            kind: "gzip-truncated",
                            message: "\(name): gzip data ends inside a member at byte \(compressedOffset) (truncated file)")
                    }
                    return 0
                }
            }
            let step = input.withUnsafeBytes { bytes in
                inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[inputStart..<inputEnd]), into: buffer)
            }
            inputStart += step.consumed
            compressedOffset += step.consumed
            decompressedOffset += step.produced
            if step.consumed > 0 { insideMember = true }
            switch step.status {
            case .proceeding:
                break
            case .streamEnd:
                inflater.reset()
                insideMember = false
                membersCompleted += 1
                lastMemberEnd = (compressedOffset, decompressedOffset)
                memberStart = compressedOffset
            case .damaged(let reason):
                let damaged = memberStart
                _ = try skipToNextMember()
                inflater.reset()
                insideMember = false
                memberStart = compressedOffset
                // The whole damaged stretch is reported: from where a member
                // should have started to where the next one does.
                let whereTo = inputStart < inputEnd ? "to the next gzip member" : "to the end of the file"
                let error = InputError(
                    kind: "gzip-corrupt",
                    message: "\(name): corrupt gzip data at byte \(damaged) (\(reason)); skipped \(compressedOffset - damaged) bytes \(whereTo)")
                guard step.produced == 0 else {
                    pendingError = error
                    return step.produced
                }
                throw error
            }
            if step.produced > 0 { return step.produced }
        }
    }

    /// Moves the unread input to the front and reads more after it; false
    /// at the end of the source.
    private func refill() throws(InputError) -> Bool {
        guard !sourceEnded else { return false }
        if inputStart > 0 {
            let remaining = inputEnd - inputStart
            if remaining > 0 {
                input.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + inputStart, byteCount: remaining)
                }
            }
            inputStart = 0
            inputEnd = remaining
        }
        let count: Int
        do {
            count = try source.read(into: &input, from: inputEnd)
        } catch {
            sourceEnded = true
            throw error
        }
        if count == 0 {
            sourceEnded = true
            return inputEnd > inputStart
        }
        inputEnd += count
        return true
    }

    /// Skips input up to the next gzip header (1f 8b 08), or to the end;
    /// returns how many bytes were skipped. The byte at the damage is
    /// skipped first, so the damaged member's own header is not found again.
    private func skipToNextMember() throws(InputError) -> Int {
        var skipped = 0
        if inputStart < inputEnd {
            inputStart += 1
            compressedOffset += 1
            skipped += 1
        }
        while true {
            while inputEnd - inputStart >= 3 {
                if input[inputStart] == 0x1F, input[inputStart + 1] == 0x8B, input[inputStart + 2] == 0x08 {
                    return skipped
                }
                inputStart += 1
                compressedOffset += 1
                skipped += 1
            }
            let before = inputEnd - inputStart
            let more: Bool
            do {
                more = try refill()
            } catch {
                return skipped + (inputEnd - inputStart)
            }
            if !more || inputEnd - inputStart == before {
                // Fewer than three bytes left: no header can start here.
                skipped += inputEnd - inputStart
                compressedOffset += inputEnd - inputStart
                inputStart = inputEnd
                return skipped
            }
        }
    }
}
