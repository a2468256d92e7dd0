import Foundation
import Testing
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One page limit everywhere: the library's `CleanerOptions.maximumBytes`
/// default is what `clean`, `explain` and `batch` refuse past, unless
/// `--max-bytes` says otherwise (they disagreed: 64 MiB and 20 MB).
@Suite(.serialized) struct PageLimitTests {
    static let limit = CleanerOptions.defaultMaximumBytes

    /// A sparse file one byte over the limit: every entry point checks the
    /// size before it reads the bytes.
    static func oversizedPage(in scratch: ScratchFolder) throws -> String {
        let path = try scratch.file("huge.html", Data())
        #expect(truncate(path, off_t(limit + 1)) == 0)
        return path
    }

    @Test func theLibraryRefusesPastTheDefault() throws {
        let bytes = [UInt8](repeating: 0x20, count: Self.limit + 1)
        #expect(throws: CleanerError.tooLarge(bytes: Self.limit + 1, limit: Self.limit)) {
            try Cleaner().clean(bytes: bytes)
        }
    }

    @Test func cleanExplainAndBatchShareTheLimit() throws {
        let scratch = try ScratchFolder()
        let path = try Self.oversizedPage(in: scratch)
        let expected = "\(path): page too large: \(Self.limit + 1) bytes (limit \(Self.limit))"

        let clean = try WinnowProcess.run(["clean", path])
        #expect(clean.status == 7)
        #expect(clean.stderrLines == ["winnow: " + expected])

        let explain = try WinnowProcess.run(["explain", path])
        #expect(explain.status == 7)
        #expect(explain.stderrLines == ["winnow: " + expected])

        let batch = try WinnowProcess.run(["batch", path])
        let record = try #require(try JSONSerialization.jsonObject(with: batch.stdout) as? [String: Any])
        let error = try #require(record["error"] as? [String: Any])
        #expect(error["kind"] as? String == "too-large")
        #expect(error["message"] as? String == expected)
    }

    /// `--max-bytes` is the same option, with the same default shown, on
    /// the three commands.
    @Test func maxBytesLowersTheLimitOnEveryCommand() throws {
        let page = CleanCommandTests.page
        let size = try #require(FileManager.default.attributesOfItem(atPath: page)[.size] as? Int)
        let expected = "winnow: \(page): page too large: \(size) bytes (limit \(size - 1))"
        for command in ["clean", "explain"] {
            let run = try WinnowProcess.run([command, page, "--max-bytes", "\(size - 1)"])
            #expect(run.status == 7, "\(command)")
            #expect(run.stderrLines == [expected], "\(command)")
            let help = try WinnowProcess.run([command, "--help"])
            #expect(help.stdoutText.contains("(default: 20M)"), "\(command)")
        }
        let help = try WinnowProcess.run(["batch", "--help"])
        #expect(help.stdoutText.contains("(default: 20M)"))
    }
}
