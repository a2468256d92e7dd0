#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading over a `ByteStream` for the record formats: lines,
/// exact counts, skips and scans, with the stream position kept. The
/// buffer grows only as far as the longest line asked for, so memory
/// follows the largest record, never the input.
public final class ByteReader {
    public enum Line {
        /// The line's bytes, without its "\n" (a "\r" before it is kept).
        case line([UInt8])
        /// Longer than the limit: the whole line was skipped; its length.
        case tooLong(Int)
    }

    private let stream: ByteStream
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var streamEnded = false
    /// Position in the stream of `buffer[start]`.
    public private(set) var offset = 0
    /// After the stream reported damage: the position of its first byte
    /// after the damage (the bytes buffered before it end there).
    private var damageEnd: Int?
    /// Damage the stream reported past what `verify` was asked to check:
    /// thrown when reading gets there.
    private var laterDamage: InputError?
    /// Damaged stretches skipped, each counted as one byte of `offset`
    /// that the stream never gave.
    private var damageCount = 0

    public init(_ stream: ByteStream, chunkSize: Int = 1 << 16) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    public var bytesConsumed: Int { stream.bytesConsumed }

    /// Bytes buffered and not yet read.
    var available: Int { end - start }

    /// Reads more from the stream; false at its end. Errors pass through;
    /// the bytes buffered before them stay readable.
    @discardableResult
    func fillMore() throws(InputError) -> Bool {
        guard !streamEnded else { return false }
        if start > 0, start == end {
            start = 0
            end = 0
        }
        if end == buffer.count {
            if start > 0 {
                let remaining = end - start
                buffer.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: remaining)
                }
                start = 0
                end = remaining
            } else {
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
        }
        if let damage = laterDamage {
            laterDamage = nil
            damageEnd = offset + available
            throw damage
        }
        let count: Int
        do {
            count = try stream.read(into: &buffer, from: end)
        } catch {
            damageEnd = offset + available
            throw error
        }
        if count == 0 {
            streamEnded = true
            return false
        }
        end += count
        return true
    }

    /// True when nothing is left: the buffer is empty and the stream ended.
    public func atEnd() throws(InputError) -> Bool {
        if available > 0 { return false }
        return try !fillMore()
    }

    /// The next line. At most `limit` bytes are held: a longer line is read
    /// through and reported by its length. Nil at the end of the stream.
    public func readLine(limit: Int) throws(InputError) -> Line? {
        var searched = 0
        var skipped = 0
        while true {
            if let index = indexOfNewline(from: start + searched) {
                let length = index - start
                if skipped > 0 || length > limit {
                    consume(length + 1)
                    return .tooLong(skipped + length)
                }
                let line = Array(buffer[start..<index])
                consume(length + 1)
                return .line(line)
            }
            searched = available
            if available > limit {
                // Too long: drop what is buffered and read on to the newline.
                skipped += available
                consume(available)
                searched = 0
            }
            guard try fillMore() else {
                if available == 0 && skipped == 0 { return nil }
                if skipped > 0 || available > limit {
                    let length = skipped + available
                    consume(available)
                    return .tooLong(length)
                }
                let line = Array(buffer[start..<end])
                consume(available)
                return .line(line)
            }
        }
    }

    /// Reads up to `count` bytes (fewer only at the end of the stream).
    /// `expected`, when the caller knows it (a file's size, a record's
    /// declared length, both within the page limit), is reserved at once:
    /// grown by doubling, a large page's buffer was up to twice the page,
    /// and copied at every step.
    public func read(count: Int, expected: Int? = nil) throws(InputError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, expected ?? (1 << 24)))
        while result.count < count {
            // On damage, the bytes read so far are dropped with the error.
            if available == 0 {
                guard try fillMore() else { break }
            }
            let take = min(available, count - result.count)
            result.append(contentsOf: buffer[start..<(start + take)])
            consume(take)
        }
        return result
    }

    /// Skips up to `count` bytes; returns how many were skipped.
    public func skip(count: Int) throws(InputError) -> Int {
        var skipped = 0
        while skipped < count {
            if available == 0 {
                guard try fillMore() else { break }
            }
            let take = min(available, count - skipped)
            consume(take)
            skipped += take
        }
        return skipped
    }

    /// The next `count` bytes, without reading them (fewer at the end).
    public func peek(count: Int) throws(InputError) -> [UInt8] {
        while available < count {
            guard try fillMore() else { break }
        }
        return Array(buffer[start..<(start + min(count, available))])
    }

    /// After the stream reported damage, drops what was buffered before
    /// it (the damaged stretch's bytes: a reader that hit the damage inside
    /// a record has lost that record anyway), so reading goes on with the
    /// first byte after the damage, at the start of a line.
    ///
    /// The damage itself counts as one byte of `offset`: a gzip member
    /// destroyed whole yields no byte, and without it the failure at the
    /// damage and the record after it would share an offset (and a
    /// `--resume` key). Offsets past damage are this reader's own count;
    /// no other tool decompresses past it.
    public func skipDamagedBytes() {
        guard let damageEnd else { return }
        self.damageEnd = nil
        if damageEnd > offset { consume(min(damageEnd - offset, available)) }
        offset += 1
        damageCount += 1
    }

    /// Reads ahead, keeping what it reads buffered, until the stream has
    /// checked its bytes up to `position` (a gzip member's CRC): a damaged
    /// check throws here. Gives up, unchecked, when the check lies more
    /// than `lookahead` bytes ahead (a member that holds many records) or
    /// the stream checks nothing.
    public func verify(through position: Int, lookahead: Int) throws(InputError) {
        let streamPosition = position - damageCount
        while let verified = stream.verifiedOffset, verified < streamPosition, available <= lookahead {
            do {
                guard try fillMore() else { return }
            } catch {
                // Damage after the checked stretch (garbage after a sound
                // member) is not this stretch's: it is met again there.
                guard let verified = stream.verifiedOffset, verified >= streamPosition else { throw error }
                laterDamage = error
                return
            }
        }
    }

    /// Puts bytes back in front of the unread ones, as if never read.
    public func unread(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if start >= bytes.count {
            start -= bytes.count
            buffer.replaceSubrange(start..<(start + bytes.count), with: bytes)
        } else {
            let rest = Array(buffer[start..<end])
            buffer = bytes + rest + [UInt8](repeating: 0, count: max(1 << 16, buffer.count - rest.count))
            start = 0
            end = bytes.count + rest.count
        }
        offset -= bytes.count
    }

    /// Skips to the next line that starts with `prefix`, or to the end;
    /// returns how many bytes were skipped.
    public func skip(toLineStarting prefix: [UInt8]) throws(InputError) -> Int {
        var skipped = 0
        var atLineStart = true
        while true {
            while available >= prefix.count {
                if atLineStart, buffer[start..<(start + prefix.count)].elementsEqual(prefix) {
                    return skipped
                }
                atLineStart = buffer[start] == 0x0A
                consume(1)
                skipped += 1
            }
            guard try fillMore() else {
                skipped += available
                consume(available)
                return skipped
            }
        }
    }

    private func consume(_ count: Int) {
        start += count
        offset += count
    }

    private func indexOfNewline(from index: Int) -> Int? {
        guard index < end else { return nil }
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let found = memchr(bytes.baseAddress! + index, 0x0A, end - index) else { return nil }
            return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }
}
