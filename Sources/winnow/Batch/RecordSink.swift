import Foundation
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// File-scope wrappers: inside the sinks, `open` and `write` would name
// their own methods.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Where finished records go. Only the writer thread calls a sink, one
/// whole record at a time.
protocol RecordSink: AnyObject {
    /// Writes one record (a JSON line). A failure that stops the batch
    /// (the disk is full, the reader of stdout went away) throws; a failure
    /// for this record alone (its output file) is returned as a message.
    func write(_ line: [UInt8], name: String?) throws(SinkError) -> String?
    /// Flushes everything and leaves the output well-formed.
    func finish() throws(SinkError)
}

struct SinkError: Error {
    let message: String
}

/// JSON Lines to a descriptor (standard output or `-o FILE`), buffered,
/// gzip-compressed for `.jsonl.gz`. Lines are written whole: the buffer is
/// flushed only between lines, and a gzip member is ended only between
/// lines, so an output cut short (a crash, a full disk) holds complete
/// lines and complete members up to the cut, which `--resume` keeps.
final class StreamSink: RecordSink {
    private let descriptor: Int32
    private let name: String
    private let encoder: GzipEncoder?
    private var buffer: [UInt8] = []
    private var sinceMemberStart = 0
    /// Flushed when this much is buffered.
    static let bufferLimit = 1 << 20
    /// A gzip member is ended after this much text (the most `--resume`
    /// can lose after a crash).
    static let memberLimit = 4 << 20

    init(descriptor: Int32, name: String, gzip: Bool) {
        self.descriptor = descriptor
        self.name = name
        encoder = gzip ? GzipEncoder() : nil
        buffer.reserveCapacity(StreamSink.bufferLimit + (1 << 16))
    }

    /// Opens `path` for writing: truncated, or appended to (`--resume`).
    static func open(path: String, append: Bool) throws(SinkError) -> StreamSink {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let descriptor = openFile(path, flags, 0o644)
        guard descriptor >= 0 else {
            throw SinkError(message: "\(path): cannot open for writing: \(String(cString: strerror(errno)))")
        }
        return StreamSink(descriptor: descriptor, name: path, gzip: path.hasSuffix(".gz"))
    }

    func write(_ line: [UInt8], name _: String?) throws(SinkError) -> String? {
        if let encoder {
            buffer.append(contentsOf: encoder.compress(line))
            sinceMemberStart += line.count
            if sinceMemberStart >= StreamSink.memberLimit {
                buffer.append(contentsOf: encoder.finishMember())
                sinceMemberStart = 0
            }
        } else if line.count >= StreamSink.bufferLimit {
            // A large page's line is written as it is, after what is
            // buffered: a copy of it in the buffer held it twice.
            try flush()
            try writeAll(line)
            return nil
        } else {
            buffer.append(contentsOf: line)
        }
        if buffer.count >= StreamSink.bufferLimit { try flush() }
        return nil
    }

    func finish() throws(SinkError) {
        if let encoder { buffer.append(contentsOf: encoder.finishMember()) }
        try flush()
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    private func flush() throws(SinkError) {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws(SinkError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SinkError(message: "\(name): cannot write: \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }
}

/// One file per record under `--output-dir`, named by `OutputNaming`.
/// Each file is written under a temporary name and renamed into place, so
/// no reader (and no `--resume`) ever sees half a file.
final class DirectorySink: RecordSink {
    private let root: String
    private var createdDirectories: Set<String> = []

    /// Creates the directory if needed and checks that files can be made
    /// in it, before any input is read.
    init(root: String) throws(SinkError) {
        self.root = root
        if let reason = DirectorySink.makeDirectories(root) {
            throw SinkError(message: "\(root): cannot create the output directory: \(reason)")
        }
        let probe = DirectorySink.join(root, ".winnow-probe-\(getpid())")
        let descriptor = openFile(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SinkError(message: "\(root): output directory is not writable: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        unlink(probe)
    }

    func path(of name: String) -> String {
        DirectorySink.join(root, name)
    }

    func write(_ line: [UInt8], name: String?) throws(SinkError) -> String? {
        guard let name else { return "no output name for the record" }
        let target = path(of: name)
        let directory = (target as NSString).deletingLastPathComponent
        if !createdDirectories.contains(directory) {
            if let reason = DirectorySink.makeDirectories(directory) {
                return "\(target): cannot create its directory: \(reason)"
            }
            createdDirectories.insert(directory)
        }
        let temporary = target + ".partial"
        let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "\(target): cannot write: \(String(cString: strerror(errno)))" }
        var written = 0
        var failure: String?
        while written < line.count {
            let count = line.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = "\(target): cannot write: \(String(cString: strerror(errno)))"
                break
            }
            written += count
        }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 {
            failure = "\(target): cannot write: \(String(cString: strerror(errno)))"
        }
        if failure != nil { unlink(temporary) }
        return failure
    }

    func finish() throws(SinkError) {}

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates `path` and its missing parents with mkdir(2), so a failure
    /// keeps the operating system's reason ("Not a directory", "Permission
    /// denied"); nil when the directory exists afterwards.
    static func makeDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                var status = stat()
                guard code == EEXIST, stat(prefix, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                    return String(cString: strerror(code == EEXIST ? ENOTDIR : code))
                }
            }
            prefix += "/"
        }
        return nil
    }
}
