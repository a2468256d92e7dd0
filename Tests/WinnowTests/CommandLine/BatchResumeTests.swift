import Foundation
import Testing
@testable import Winnow

/// `--resume` after damage and after spelling the inputs differently: the
/// records already written are skipped, no other.
@Suite(.serialized) struct BatchResumeTests {
    /// A member whose damage only its CRC catches: the damaged record is
    /// one error record with its own key, so an output cut right after it
    /// is completed with every record after it (the next record once had
    /// the error's key and was taken as written).
    @Test func resumeAfterAnErrorRecordFromACRCCheck() throws {
        let scratch = try ScratchFolder()
        let archive = SmallArchive(records: 4)
        var bytes = archive.bytes
        bytes[archive.start(of: 2) - 8] ^= 0x01
        let input = try scratch.file("crc.warc.gz", Data(bytes))
        let output = scratch.url.appendingPathComponent("out.jsonl").path

        let full = try WinnowProcess.run(["batch", input, "-o", output])
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        let records = BatchCommandTests.records(Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(records.count == 4, "\(full.stderr)")
        #expect(records.map { $0["warc_record_id"] as? String } == archive.ids)
        #expect(records.map(BatchCommandTests.errorKind) == [nil, "gzip-corrupt", nil, nil])

        // Cut after the error record, then resume.
        try Data((lines.prefix(2).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output))
        let resumed = try WinnowProcess.run(["batch", input, "-o", output, "--resume"])
        let after = BatchCommandTests.records(try Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(after.map { $0["warc_record_id"] as? String } == archive.ids, "\(resumed.stderr)")
        #expect(BatchCommandTests.summary(resumed).hasPrefix("winnow: batch: 2 pages, 2 articles"), "\(resumed.stderr)")
    }

    /// `./pages.jsonl`, `pages.jsonl` and its absolute path are one input:
    /// a resume with another spelling adds nothing.
    @Test func resumeMatchesAnInputHoweverItIsSpelled() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url.path
        try Data(contentsOf: URL(fileURLWithPath: BatchCommandTests.input("pages.jsonl")))
            .write(to: scratch.url.appendingPathComponent("pages.jsonl"))
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let first = try WinnowProcess.run(["batch", "./pages.jsonl", "-o", output], workingDirectory: folder)
        let written = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(BatchCommandTests.records(written).count == 7, "\(first.stderr)")
        for spelling in ["pages.jsonl", folder + "/pages.jsonl", "sub/../pages.jsonl", ".//pages.jsonl"] {
            try FileManager.default.createDirectory(
                at: scratch.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
            let again = try WinnowProcess.run(["batch", spelling, "-o", output, "--resume"], workingDirectory: folder)
            #expect(BatchCommandTests.summary(again).hasPrefix("winnow: batch: 0 pages"), "\(spelling): \(again.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == written, "\(spelling)")
        }
    }
}
