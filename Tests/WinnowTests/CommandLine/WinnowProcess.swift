import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `winnow` tool, run as a subprocess the way a user or a script
/// runs it.
enum WinnowProcess {
    /// What one run left behind.
    struct Result: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: String

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

        /// Standard error split into lines, the final newline dropped.
        var stderrLines: [String] {
            var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// What the child reads on standard input. Never the test runner's own
    /// input: a terminal there would make `winnow clean` wait for a person.
    enum Input {
        /// A pipe whose write end is closed at once: zero bytes, then EOF.
        case empty
        case bytes(Data)
        /// A descriptor the caller owns (a pseudo-terminal, say).
        case handle(FileHandle)
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the winnow binary was not found (searched: \(searched.joined(separator: ", "))); "
                + "build it with `swift build` (swift test builds it next to the test bundle)"
        }
    }

    /// The tool built with these tests. `swift test` puts it next to the
    /// test bundle (`.build/<triple>/debug/winnow` beside
    /// `WinnowPackageTests.xctest`); the repository's `.build/debug/winnow`
    /// is the last resort.
    static func binary() throws -> URL {
        var folders: [URL] = []
        #if os(Linux)
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
        }
        #endif
        folders.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        // macOS: the tests run inside `WinnowPackageTests.xctest/Contents/MacOS`.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        folders.append(repositoryRoot.appendingPathComponent(".build/debug", isDirectory: true))

        let candidates = folders.map { $0.appendingPathComponent("winnow").standardizedFileURL }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw BinaryNotFound(searched: candidates.map(\.path))
    }

    /// Runs `winnow arguments…`, reading its output while it runs.
    static func run(
        _ arguments: [String], input: Input = .empty, environment: [String: String] = [:], timeout: TimeInterval = 120,
        workingDirectory: String? = nil
    ) throws -> Result {
        try run(
            executable: binary(), arguments: arguments, input: input, environment: environment, timeout: timeout,
            workingDirectory: workingDirectory)
    }

    /// Runs any executable. Both pipes are drained before `waitUntilExit()`
    /// (stderr on another thread): a child that fills a pipe nobody reads
    /// blocks forever. A child still running after `timeout` is killed, so
    /// a hang fails the test instead of the whole run.
    static func run(
        executable: URL, arguments: [String], input: Input = .empty, environment: [String: String] = [:],
        timeout: TimeInterval = 120, workingDirectory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        // Added to the test's own environment (a set WINNOW_RULES would
        // change every run, so it is cleared unless a test sets it).
        var merged = ProcessInfo.processInfo.environment
        merged["WINNOW_RULES"] = nil
        process.environment = merged.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors

        var inputPipe: Pipe?
        switch input {
        case .empty, .bytes:
            let pipe = Pipe()
            process.standardInput = pipe
            inputPipe = pipe
        case .handle(let handle):
            process.standardInput = handle
        }

        try process.run()
        // The child holds its own copies now; the parent's write ends must
        // go, or the reads below never see EOF.
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        try? inputPipe?.fileHandleForReading.close()

        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }

        let group = DispatchGroup()
        let collected = Collected()
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            collected.store(errorReader.readDataToEndOfFile())
        }
        if let inputPipe {
            let writer = inputPipe.fileHandleForWriting
            let bytes: Data
            if case .bytes(let data) = input { bytes = data } else { bytes = Data() }
            DispatchQueue.global().async(group: group) {
                // The child may exit without reading everything (EPIPE).
                try? writer.write(contentsOf: bytes)
                try? writer.close()
            }
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()

        if process.terminationReason == .uncaughtSignal {
            Issue.record(
                """
                \(executable.lastPathComponent) \(arguments.joined(separator: " ")) died of signal \
                \(process.terminationStatus) (a run still going after \(Int(timeout)) s is killed)
                """)
        }
        return Result(
            status: process.terminationStatus, stdout: stdout,
            stderr: String(decoding: collected.data, as: UTF8.self))
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        func store(_ data: Data) { lock.withLock { bytes = data } }
        var data: Data { lock.withLock { bytes } }
    }
}

/// A scratch folder for one test, removed when the test is done with it.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("winnow-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // chmod 000 files inside must be removable: the folder itself stays writable.
        try? FileManager.default.removeItem(at: url)
    }

    func file(_ name: String, _ bytes: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try bytes.write(to: file)
        return file.path
    }
}

#if os(Linux)
/// A pseudo-terminal pair, for running the tool with a terminal as its
/// standard input. glibc declares `posix_openpt` and friends only under
/// `_XOPEN_SOURCE`, which Swift's Glibc module does not set, so they are
/// looked up at run time.
struct PseudoTerminal {
    /// The side the test writes to, as a person types.
    let controller: Int32
    /// The side the child reads, a terminal (`isatty`).
    let terminal: FileHandle

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias ControlFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        func symbol<F>(_ name: String, as _: F.Type) throws -> F {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw Failure(description: "\(name) not found in the C library")
            }
            return unsafeBitCast(address, to: F.self)
        }
        let openController = try symbol("posix_openpt", as: OpenFunction.self)
        let grant = try symbol("grantpt", as: ControlFunction.self)
        let unlock = try symbol("unlockpt", as: ControlFunction.self)
        let name = try symbol("ptsname_r", as: NameFunction.self)

        let controller = openController(O_RDWR | O_NOCTTY)
        guard controller >= 0 else { throw Failure(description: "posix_openpt: \(String(cString: strerror(errno)))") }
        var buffer = [CChar](repeating: 0, count: 128)
        guard grant(controller) == 0, unlock(controller) == 0, name(controller, &buffer, buffer.count) == 0 else {
            let reason = String(cString: strerror(errno))
            close(controller)
            throw Failure(description: "grantpt/unlockpt/ptsname_r: \(reason)")
        }
        let path = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let terminal = open(path, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else {
            let reason = String(cString: strerror(errno))
            close(controller)
            throw Failure(description: "\(path): \(reason)")
        }
        self.controller = controller
        self.terminal = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
    }

    /// Types `bytes` on the terminal.
    func type(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) } == bytes.count
    }

    func release() {
        close(controller)
        try? terminal.close()
    }
}
#endif
