import Foundation
import Testing
@testable import Winnow

/// Pages stored as `page.html.gz` read like plain pages by every command
/// that reads page files: `clean` (a path or standard input), `batch`
/// (given or walked) and `bench`. Gzip is told by the bytes, so a
/// compressed page under a plain name is read too.
@Suite(.serialized) struct GzippedPageCommandTests {
    static let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html")

    /// The fixture page compressed in two members.
    static func compressed() throws -> Data {
        let bytes = [UInt8](try Data(contentsOf: page))
        let half = bytes.count / 2
        let encoder = GzipEncoder()
        var stored = encoder.compress(Array(bytes[..<half])) + encoder.finishMember()
        stored += encoder.compress(Array(bytes[half...])) + encoder.finishMember()
        return Data(stored)
    }

    @Test func cleanReadsCompressedPagesByTheirBytes() throws {
        let scratch = try ScratchFolder()
        let plain = try WinnowProcess.run(["clean", Self.page.path])
        #expect(plain.status == 0)
        let gz = try scratch.file("page.html.gz", Self.compressed())
        let misnamed = try scratch.file("page.html", Self.compressed())
        for path in [gz, misnamed] {
            let run = try WinnowProcess.run(["clean", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == plain.stdout, "\(path)")
        }
        let piped = try WinnowProcess.run(["clean", "-"], input: .bytes(Self.compressed()))
        #expect(piped.stdout == plain.stdout)
    }

    @Test func cleanReportsDamagedCompressedPages() throws {
        let scratch = try ScratchFolder()
        let cut = try scratch.file("cut.html.gz", Self.compressed().prefix(200))
        let run = try WinnowProcess.run(["clean", cut])
        #expect(run.status == 4)
        #expect(run.stderrLines.first?.hasPrefix("winnow: \(cut): gzip data ends inside a member") == true, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func batchWalksCompressedPages() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url.appendingPathComponent("crawl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(contentsOf: Self.page).write(to: folder.appendingPathComponent("a.html"))
        try Self.compressed().write(to: folder.appendingPathComponent("b.html.gz"))
        let run = try WinnowProcess.run(["batch", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let records = BatchCommandTests.records(run.stdout)
        #expect(records.map { $0["input"] as? String } == [folder.path + "/a.html", folder.path + "/b.html.gz"])
        let texts = records.compactMap { $0["text"] as? String }
        #expect(texts.count == 2)
        #expect(Set(texts).count == 1, "the compressed page cleaned differently")
    }

    @Test func benchReadsCompressedPages() throws {
        let scratch = try ScratchFolder()
        _ = try scratch.file("page.html.gz", Self.compressed())
        let run = try WinnowProcess.run(["bench", scratch.url.path, "--repeats", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.hasPrefix("pages: 1 ("), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("failures: 0"))
    }
}
