import Foundation
import Testing
@testable import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pages are cleaned in worker processes: a page that traps or hangs
/// inside a stage costs its own record, never the batch. The faults are
/// put in by the workers' test hook (`WINNOW_TEST_WORKER_FAULT`), on pages
/// that carry a marker.
@Suite(.serialized) struct BatchWorkerTests {
    static let marker = "FAULT-MARKER"
    /// `BatchWorkerCommand.faultVariable` (the tool's own target is not
    /// importable from the tests).
    static let faultVariable = "WINNOW_TEST_WORKER_FAULT"

    /// Five pages, the third one marked.
    static func pages(in scratch: ScratchFolder) throws -> [String] {
        try (1...5).map { index in
            let mark = index == 3 ? BatchWorkerTests.marker : ""
            return try scratch.file(
                "page\(index).html",
                Data("<html><body><article><p>Page \(index) \(mark) of prose, long enough to be read as an article.</p></article></body></html>".utf8))
        }
    }

    /// The processes still running that a batch with this id started.
    static func workers(of parent: Int32) -> [String] {
        #if os(Linux)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard Int(entry) != nil,
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            guard let flag = arguments.firstIndex(of: "--parent"), flag + 1 < arguments.count,
                arguments[flag + 1] == "\(parent)"
            else { return nil }
            return entry
        }
        #else
        return []
        #endif
    }

    /// A page that traps (as an Int overflow once did) is one `internal`
    /// error record; the pages after it get a fresh worker and are
    /// cleaned; the output is complete, so `--resume` has nothing to do.
    @Test(arguments: [1, 2])
    func aCrashingPageIsOneErrorRecord(jobs: Int) throws {
        let scratch = try ScratchFolder()
        let pages = try BatchWorkerTests.pages(in: scratch)
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let environment = [BatchWorkerTests.faultVariable: "crash:" + BatchWorkerTests.marker]
        let run = try WinnowProcess.run(["batch"] + pages + ["-o", output, "--jobs", "\(jobs)"], environment: environment)
        #expect(run.status == 1, "\(run.stderr)")
        let records = BatchCommandTests.records(try Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(records.map { $0["input"] as? String } == pages)
        #expect(records.map(BatchCommandTests.errorKind) == [nil, nil, "internal", nil, nil])
        let message = (records[2]["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("the worker cleaning this page died of signal"), "\(message)")
        #expect(BatchCommandTests.summary(run).hasPrefix("winnow: batch: 5 pages, 4 articles, 1 error (internal 1)"))

        let resumed = try WinnowProcess.run(["batch"] + pages + ["-o", output, "--resume"], environment: environment)
        #expect(BatchCommandTests.summary(resumed).hasPrefix("winnow: batch: 0 pages"), "\(resumed.stderr)")
        #expect(resumed.status == 0)
    }

    /// A page stuck inside a stage (which `--time-limit`, read between
    /// stages, cannot stop) is stopped by killing its worker at twice the
    /// limit and a second: a `time-limit` record, and the batch goes on.
    @Test func aHangingPageIsStoppedAtTheHardLimit() throws {
        let scratch = try ScratchFolder()
        let pages = try BatchWorkerTests.pages(in: scratch)
        let started = Date()
        let run = try WinnowProcess.run(
            ["batch"] + pages + ["--time-limit", "0.5", "--jobs", "2"],
            environment: [BatchWorkerTests.faultVariable: "hang:" + BatchWorkerTests.marker], timeout: 60)
        let elapsed = Date().timeIntervalSince(started)
        let records = BatchCommandTests.records(run.stdout)
        #expect(records.map(BatchCommandTests.errorKind) == [nil, nil, "time-limit", nil, nil], "\(run.stderr)")
        let message = (records[2]["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("still cleaning after 2.0 s, inside a stage"), "\(message)")
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    /// Killed with SIGKILL, the batch leaves no worker behind: a worker
    /// stuck in a page ends by itself once its batch is gone.
    @Test func workersEndWithTheirBatch() throws {
        let scratch = try ScratchFolder()
        let pages = try BatchWorkerTests.pages(in: scratch)
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch"] + pages + ["--time-limit", "0", "-o", scratch.url.appendingPathComponent("out.jsonl").path]
        var environment = ProcessInfo.processInfo.environment
        environment[BatchWorkerTests.faultVariable] = "hang:" + BatchWorkerTests.marker
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let parent = process.processIdentifier
        var waited = 0.0
        while BatchWorkerTests.workers(of: parent).isEmpty, waited < 20 {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 0.1
        }
        // Long enough for the worker to be stuck in the marked page.
        Thread.sleep(forTimeInterval: 1)
        #expect(!BatchWorkerTests.workers(of: parent).isEmpty)
        kill(parent, SIGKILL)
        process.waitUntilExit()
        waited = 0
        while !BatchWorkerTests.workers(of: parent).isEmpty, waited < 10 {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 0.1
        }
        #expect(BatchWorkerTests.workers(of: parent).isEmpty, "workers still running \(waited) s after their batch was killed")
    }

    /// A finished batch leaves no worker behind either.
    @Test func aFinishedBatchLeavesNoWorker() throws {
        let scratch = try ScratchFolder()
        let pages = try BatchWorkerTests.pages(in: scratch)
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch"] + pages + ["--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(BatchWorkerTests.workers(of: process.processIdentifier).isEmpty)
    }

    /// The cleaning options reach the workers: a batch cleans each page as
    /// `clean` does under the same options.
    @Test(arguments: [[], ["--explain"], ["--no-comments"], ["--comment-headers"], ["--page-type", "forum"]])
    func workersCleanWithTheBatchOptions(options: [String]) throws {
        let page = Fixture.directory.appendingPathComponent("comments-drupal/page.html").path
        let batch = try WinnowProcess.run(["batch", page] + options)
        let clean = try WinnowProcess.run(["clean", page] + options)
        #expect(batch.status == 0 && clean.status == 0, "\(batch.stderr) \(clean.stderr)")
        var record = try #require(BatchCommandTests.records(batch.stdout).first)
        for key in ["input", "line", "offset", "warc_record_id", "target_uri", "warc_date", "fields"] { record[key] = nil }
        let article = try #require(try JSONSerialization.jsonObject(with: clean.stdout) as? [String: Any])
        #expect(NSDictionary(dictionary: record).isEqual(to: article), "\(options)")
    }
}
