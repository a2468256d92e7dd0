#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages between `winnow batch` and its cleaning workers, over two
/// pipes. A message is a fixed number of fields, each its length (8 bytes,
/// little-endian; `UInt64.max` for a nil field) and its bytes, written and
/// read field by field, so a page is never copied into a larger buffer.
///
///     worker → batch   ready                     once, when its rules are loaded
///     batch → worker   name, url, charset, page, the record's provenance
///                                                (its JSON without the closing brace)
///     worker → batch   error kind, text          nil and the record's whole line,
///                                                `withoutAddress` and the line (the
///                                                page had no URL and no canonical URL),
///                                                or an error kind and its message
enum WorkerMessages {
    /// What a worker says first: its rules loaded, it takes pages.
    static let ready: [UInt8] = Array("winnow-worker-ready".utf8)
    static let readyFields = 1
    /// In place of an error kind: the record's line follows, and its page
    /// had no address, which the batch reports once a run
    /// (`AddressScopedRulesNotice`): each worker is a process of its own.
    static let withoutAddress: [UInt8] = Array("winnow-article-without-address".utf8)
    static let pageFields = 5
    static let resultFields = 2

    /// A field longer than this is a broken stream, not an allocation: no
    /// page or article comes near it (`--max-bytes` is at most a few GB).
    static let longestField = UInt64(1) << 40

    /// Writes `fields` whole; false when the other end is gone.
    static func write(_ descriptor: Int32, _ fields: [[UInt8]?]) -> Bool {
        for field in fields {
            var length: [UInt8] = []
            append(field.map { UInt64($0.count) } ?? UInt64.max, to: &length)
            guard writeAll(descriptor, length) else { return false }
            if let field, !writeAll(descriptor, field) { return false }
        }
        return true
    }

    /// Writes one field of `length` bytes that `produce` hands over in
    /// pieces (a large article, never held whole); false when the other
    /// end is gone or the pieces did not add up to `length`.
    static func writeField(
        _ descriptor: Int32, length: Int, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) -> Bool {
        var header: [UInt8] = []
        append(UInt64(length), to: &header)
        guard writeAll(descriptor, header) else { return false }
        var written = 0
        var failed = false
        produce { piece in
            guard !failed else { return }
            if writeAll(descriptor, piece) { written += piece.count } else { failed = true }
        }
        return !failed && written == length
    }

    enum Reading {
        case fields([[UInt8]?])
        /// The other end closed the pipe, or sent what is no message.
        case closed
        /// The deadline passed first.
        case timedOut
    }

    /// Reads a message of `count` fields, waiting until `deadline` (in
    /// `uptimeNanoseconds`; nil: for ever).
    static func read(_ descriptor: Int32, fields count: Int, deadline: UInt64?) -> Reading {
        var fields: [[UInt8]?] = []
        var length = [UInt8](repeating: 0, count: 8)
        for _ in 0..<count {
            if let stop = length.withUnsafeMutableBytes({ fill($0, from: descriptor, deadline: deadline) }) { return stop }
            let value = number(length)
            if value == UInt64.max {
                fields.append(nil)
                continue
            }
            guard value < longestField else { return .closed }
            // Read straight into the field's storage: zeroing it first cost
            // about two instructions a byte of every page.
            var stop: Reading?
            let field = [UInt8](unsafeUninitializedCapacity: Int(value)) { storage, initialized in
                stop = fill(UnsafeMutableRawBufferPointer(storage), from: descriptor, deadline: deadline)
                initialized = stop == nil ? storage.count : 0
            }
            if let stop { return stop }
            fields.append(field)
        }
        return .fields(fields)
    }

    static func uptimeNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    // MARK: - Bytes

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func number(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[index]) << UInt64(8 * index) }
        return value
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    /// Fills `buffer` from the pipe; nil when it is full, else why not.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, deadline: UInt64?) -> Reading? {
        var filled = 0
        while filled < buffer.count {
            if let deadline {
                let now = uptimeNanoseconds()
                guard now < deadline else { return .timedOut }
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max)))
                let ready = poll(&poller, 1, milliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return .closed
                }
                if ready == 0 { continue }
            }
            let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if count == 0 { return .closed }
            filled += count
        }
        return nil
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif
