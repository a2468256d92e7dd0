#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A file (or standard input) read with `read(2)`, so a failure keeps the
/// operating system's reason ("Permission denied", "Is a directory").
public final class FileStream: ByteStream {
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var failed = false
    public private(set) var bytesConsumed = 0

    /// Opens `path` for reading; "-" is standard input.
    public init(path: String) throws(InputError) {
        if path == "-" {
            name = "<stdin>"
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            return
        }
        name = path
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw FileStream.error(path, errno: errno) }
        descriptor = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The file's size when it is a regular file (not a pipe).
    public var regularFileSize: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !failed, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                bytesConsumed += count
                return count
            }
            let code = errno
            if code == EINTR { continue }
            failed = true
            throw FileStream.error(name, errno: code)
        }
    }

    static func error(_ name: String, errno code: Int32) -> InputError {
        let reason = String(cString: strerror(code))
        if code == ENOENT { return InputError(kind: "missing-file", message: "\(name): no such file") }
        return InputError(kind: "unreadable", message: "\(name): cannot be read: \(reason)")
    }
}
