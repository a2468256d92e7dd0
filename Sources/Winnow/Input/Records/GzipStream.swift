#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decompresses a gzip file member after member, as web archives write
/// them (`.warc.gz` is one member per record): zlib's inflate in gzip mode,
/// reset at the end of each member, so reading never stops after the first.
///
/// Damage is reported and survived: corrupt data or garbage between
/// members throws once, then reading resumes at the next gzip header
/// found; a file that ends inside a member throws `gzip-truncated`.
///
/// A damaged member may be caught only after inflate has read into the
/// members that follow it (a member cut short runs on into the next one's
/// bytes; a flipped bit can be caught only by the CRC at the member's end).
/// So the first gzip header inflate passed inside the damaged member is
/// remembered, with the bytes from it on, and reading resumes there: the
/// next member is read whole, not skipped with the damage.
public final class GzipStream: ByteStream {
    private let source: ByteStream
    private let name: String
    private let inflater: Inflater
    private var input = [UInt8](repeating: 0, count: GzipStream.chunkSize)
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
    /// Index in `input` of the first gzip header inflate consumed inside
    /// the current member (not at its start): where reading resumes if the
    /// member turns out damaged. Bytes from it on are kept in `input`.
    private var restartCandidate: Int?
    /// Index in `input` from which the consumed bytes are still to be
    /// looked at for a header.
    private var scanFrom = 1

    static let chunkSize = 1 << 16
    /// The most bytes kept after a restart candidate. Inflate notices a
    /// member that ran into foreign bytes within a few kilobytes; only a
    /// chance `1f 8b 08` inside a sound member (odds 2^-24 a byte) keeps
    /// bytes longer, and is dropped past this.
    static let restartRetentionLimit = 1 << 20

    /// Bytes produced so far.
    public private(set) var decompressedOffset = 0
    /// Where the last complete member ended: compressed and decompressed
    /// offsets (what `--resume` truncates a `.jsonl.gz` to).
    public private(set) var lastMemberEnd = (compressed: 0, decompressed: 0)
    public private(set) var membersCompleted = 0

    public var bytesConsumed: Int { source.bytesConsumed }

    /// Decompressed bytes up to here passed their member's CRC check.
    public var verifiedOffset: Int? { lastMemberEnd.decompressed }

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
                    if insideMember, restartCandidate != nil {
                        // The member ran on into the next ones and the file
                        // ended before inflate noticed: a member cut short.
                        let error = restartAfterDamage(reason: "the member is cut short")
                        throw error
                    }
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
            if step.consumed > 0 {
                insideMember = true
                noteHeaders()
            }
            switch step.status {
            case .proceeding:
                break
            case .streamEnd:
                inflater.reset()
                insideMember = false
                membersCompleted += 1
                lastMemberEnd = (compressedOffset, decompressedOffset)
                beginMember()
            case .damaged(let reason):
                let error = restartAfterDamage(reason: reason)
                guard step.produced == 0 else {
                    pendingError = error
                    return step.produced
                }
                throw error
            }
            if step.produced > 0 { return step.produced }
        }
    }

    /// After a damaged member: moves to the next member (the first header
    /// inside the damaged one, else the next found after the damage) and
    /// says what was skipped: the whole damaged stretch, from where a
    /// member should have started to where the next one does.
    private func restartAfterDamage(reason: String) -> InputError {
        let damaged = memberStart
        // The search goes on from the first header inside the member, or
        // from the first consumed byte not yet looked at (inflate may have
        // read the next member's first bytes already: a damaged length
        // field is found only after it). Either lies past the damaged
        // member's own header, which is never found again.
        let resumeAt = min(restartCandidate ?? scanFrom, inputEnd)
        compressedOffset += resumeAt - inputStart
        inputStart = resumeAt
        restartCandidate = nil
        skipToNextMember()
        inflater.reset()
        insideMember = false
        beginMember()
        let whereTo = inputStart < inputEnd ? "to the next gzip member" : "to the end of the file"
        return InputError(
            kind: "gzip-corrupt",
            message: "\(name): corrupt gzip data at byte \(damaged) (\(reason)); skipped \(compressedOffset - damaged) bytes \(whereTo)")
    }

    /// A member starts at `inputStart`.
    private func beginMember() {
        memberStart = compressedOffset
        restartCandidate = nil
        scanFrom = inputStart + 1
    }

    /// Looks at the bytes inflate just consumed for a gzip header (`1f 8b
    /// 08`) inside the current member, until one is found.
    private func noteHeaders() {
        if let candidate = restartCandidate {
            if inputStart - candidate > GzipStream.restartRetentionLimit {
                restartCandidate = nil
                scanFrom = inputStart
            }
            return
        }
        // A header's three bytes must all be in `input`.
        let limit = min(inputStart, inputEnd - 2)
        let found = input.withUnsafeBytes { bytes in
            GzipStream.firstHeader(in: UnsafeRawBufferPointer(rebasing: bytes[..<inputEnd]), from: scanFrom, to: limit)
        }
        if let found {
            restartCandidate = found
        } else {
            scanFrom = max(scanFrom, limit)
        }
    }

    /// The first index in `from..<limit` where `bytes` holds a gzip header
    /// (1f 8b 08; `limit` at most `bytes.count - 2`). Every compressed byte
    /// passes through here: memchr finds the candidates' first byte (a
    /// byte-by-byte Swift loop cost about 17 instructions a byte, 0.11 G of
    /// the batch's 0.83 G on 200 devset records).
    static func firstHeader(in bytes: UnsafeRawBufferPointer, from: Int, to limit: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = from
        while position < limit {
            guard let hit = memchr(base + position, 0x1F, limit - position) else { return nil }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if bytes[index + 1] == 0x8B, bytes[index + 2] == 0x08 { return index }
            position = index + 1
        }
        return nil
    }

    /// Moves the unread input (and any bytes kept for a restart) to the
    /// front and reads more after it; false at the end of the source.
    private func refill() throws(InputError) -> Bool {
        guard !sourceEnded else { return false }
        let keepFrom = min(inputStart, restartCandidate ?? scanFrom)
        if keepFrom > 0 {
            let remaining = inputEnd - keepFrom
            if remaining > 0 {
                input.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + keepFrom, byteCount: remaining)
                }
            }
            inputStart -= keepFrom
            inputEnd = remaining
            scanFrom -= keepFrom
            restartCandidate = restartCandidate.map { $0 - keepFrom }
        }
        if input.count - inputEnd < GzipStream.chunkSize / 2 {
            input.append(contentsOf: repeatElement(0, count: GzipStream.chunkSize))
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

    /// Skips input up to the next gzip header (1f 8b 08) at or after
    /// `inputStart`, or to the end.
    private func skipToNextMember() {
        while true {
            while inputEnd - inputStart >= 3 {
                if input[inputStart] == 0x1F, input[inputStart + 1] == 0x8B, input[inputStart + 2] == 0x08 {
                    return
                }
                inputStart += 1
                compressedOffset += 1
            }
            let before = inputEnd - inputStart
            let more: Bool
            do {
                scanFrom = inputStart
                more = try refill()
            } catch {
                // A read error ends the source; it is reported as the end.
                more = false
            }
            if !more || inputEnd - inputStart == before {
                // Fewer than three bytes left: no header can start here.
                compressedOffset += inputEnd - inputStart
                inputStart = inputEnd
                return
            }
        }
    }
}
