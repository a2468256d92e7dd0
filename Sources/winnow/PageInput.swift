import ArgumentParser
import Foundation
import Winnow

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads one page's bytes from a path or standard input (`-`), inflated
/// when they are gzip-compressed (`page.html.gz`: told by the first bytes).
struct PageInput {
    let path: String

    var displayName: String { path == "-" ? "<stdin>" : path }

    /// The page's bytes; more than `limit` is refused before it is read
    /// into memory (a file by its size, standard input once past it).
    func read(limit: Int) throws(PageFailure) -> [UInt8] {
        let bytes = try readStored(limit: limit)
        do {
            return try GzippedPage.inflatedIfGzipped(bytes, name: displayName, limit: limit)
        } catch {
            let code = error.kind == "too-large" ? WinnowExit.tooLarge : WinnowExit.unreadableFile
            throw PageFailure(kind: error.kind, message: error.message, exitCode: code)
        }
    }

    /// The bytes as stored.
    private func readStored(limit: Int) throws(PageFailure) -> [UInt8] {
        if path == "-" {
            return try PageInput.readStandardInput(limit: limit)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PageFailure(kind: "missing-file", message: "\(path): no such file", exitCode: WinnowExit.missingFile)
        }
        guard !isDirectory.boolValue else {
            throw PageFailure(kind: "unreadable", message: "\(path): is a directory", exitCode: WinnowExit.unreadableFile)
        }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw PageInput.unreadable(displayName, errno: errno) }
        defer { close(file) }
        var status = stat()
        if fstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
            throw PageInput.tooLarge(displayName, bytes: "\(status.st_size) bytes", limit: limit)
        }
        return try PageInput.readAll(file, name: displayName, limit: limit, expected: Int(status.st_size))
    }

    private static func tooLarge(_ name: String, bytes: String, limit: Int) -> PageFailure {
        PageFailure(
            kind: "too-large", message: "\(name): page too large: \(bytes) (limit \(limit))",
            exitCode: WinnowExit.tooLarge)
    }

    /// Reads standard input to its end. A person who typed `winnow clean`
    /// at a terminal is told the tool is waiting for them. A closed or
    /// broken descriptor is an unreadable input, not a crash (Foundation's
    /// `readDataToEndOfFile()` traps on EBADF).
    private static func readStandardInput(limit: Int) throws(PageFailure) -> [UInt8] {
        if isatty(STDIN_FILENO) == 1 {
            printError("reading HTML from standard input (Ctrl-D to end)")
        }
        return try readAll(STDIN_FILENO, name: "<stdin>", limit: limit)
    }

    /// Reads a descriptor to its end with `read(2)`, so a failure keeps
    /// the operating system's reason ("Permission denied", "Bad file
    /// descriptor") instead of Foundation's generic wrapping.
    private static func readAll(_ file: Int32, name: String, limit: Int, expected: Int = 0) throws(PageFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        // A file's size, known, is reserved at once: grown by doubling, a
        // large page's buffer was up to twice the page, and copied.
        bytes.reserveCapacity(min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw unreadable(name, errno: code)
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw tooLarge(name, bytes: "more than \(limit) bytes", limit: limit) }
        }
    }

    private static func unreadable(_ name: String, errno code: Int32) -> PageFailure {
        PageFailure(
            kind: "unreadable", message: "\(name): cannot be read: \(String(cString: strerror(code)))",
            exitCode: WinnowExit.unreadableFile)
    }
}

/// Why one page produced no article: a kind for records, a message for
/// people, an exit code for scripts.
struct PageFailure: Error {
    let kind: String
    let message: String
    let exitCode: ExitCode

    init(kind: String, message: String, exitCode: ExitCode) {
        self.kind = kind
        self.message = message
        self.exitCode = exitCode
    }

    init(_ error: CleanerError, input: String) {
        let kind: String
        switch error {
        case .emptyInput: kind = "empty-input"
        case .notHTML: kind = "not-html"
        case .tooLarge: kind = "too-large"
        case .unparsable: kind = "unparsable"
        case .rules: kind = "rules"
        }
        self.init(kind: kind, message: "\(input): \(error.description)", exitCode: WinnowExit.code(for: error))
    }
}
