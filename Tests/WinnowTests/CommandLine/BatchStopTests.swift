import Foundation
import Testing
@testable import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch stopped with records still in flight: by a second SIGTERM, or
/// by an output that cannot be written. It stops at once with its exit
/// code and summary; it once died of SIGILL (a `DispatchSemaphore` freed
/// with tokens taken).
@Suite(.serialized) struct BatchStopTests {
    /// Pages the workers' test hook holds for ever: work always in flight.
    static func hangingPages(in scratch: ScratchFolder, count: Int) throws -> [String] {
        try (1...count).map { index in
            try scratch.file("page\(index).html", Data("<html><body><p>Page \(index) HOLD</p></body></html>".utf8))
        }
    }

    @Test func secondSIGTERMStopsAtOnceWith143() throws {
        let scratch = try ScratchFolder()
        let pages = try BatchStopTests.hangingPages(in: scratch, count: 4)
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let stats = scratch.url.appendingPathComponent("stats.json").path
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch"] + pages + ["-o", output, "--jobs", "2", "--time-limit", "0", "--stats", stats]
        var environment = ProcessInfo.processInfo.environment
        environment[BatchWorkerTests.faultVariable] = "hang:HOLD"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Both workers are inside a page by now.
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGTERM)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "\(stderr)")
        #expect(process.terminationStatus == 143)
        #expect(stderr.contains("winnow: batch: 0 pages"), "\(stderr)")
        #expect(stderr.contains("interrupted by SIGTERM"))
        #expect(!stderr.contains("the worker cleaning this page"), "a killed worker is no page's fault: \(stderr)")
        #expect(FileManager.default.fileExists(atPath: stats))
        #expect(BatchWorkerTests.workers(of: process.processIdentifier).isEmpty)
    }

    /// A full disk (`/dev/full`) while pages are still being cleaned: a
    /// clear error and exit 1, every time (the crash was a race; five
    /// runs caught it on most tries).
    @Test func fullOutputIsAClearErrorEveryTime() throws {
        #if os(Linux)
        let scratch = try ScratchFolder()
        let paragraph = "<p>" + String(repeating: "A paragraph of ordinary article prose, long enough to count, with commas. ", count: 8) + "</p>"
        let lines = (0..<400).map { index in
            "{\"url\": \"http://example.com/\(index)\", \"html\": \"<html><body><article><h1>Title \(index)</h1>"
                + String(repeating: paragraph, count: 6) + "</article></body></html>\"}\n"
        }
        let input = try scratch.file("many.jsonl", Data(lines.joined().utf8))
        for attempt in 1...5 {
            let run = try WinnowProcess.run(
                ["batch", input, "-o", "/dev/full", "--stats", scratch.url.appendingPathComponent("stats.json").path])
            #expect(run.status == 1, "attempt \(attempt): \(run.stderr.suffix(300))")
            #expect(run.stderr.contains("winnow: /dev/full: cannot write: No space left on device"), "attempt \(attempt)")
            #expect(run.stderrLines.last?.hasPrefix("winnow: batch: ") == true, "attempt \(attempt)")
        }
        #endif
    }
}
