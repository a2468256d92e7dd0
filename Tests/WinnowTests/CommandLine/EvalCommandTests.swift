import Foundation
import Testing
@testable import Winnow

/// `winnow eval` pointed at one set, or at a folder that is not there.
@Suite(.serialized) struct EvalCommandTests {
    static let sample = "Tests/EvalSample"

    /// The worst-pages list names folders that exist, as the directory was
    /// typed: `DIR/<id>` for one set (it printed `DIR/<set>/<set>/<id>`
    /// before), `DIR/<set>/<id>` for a folder of sets.
    @Test func worstPagesNameFoldersThatExist() throws {
        for (directory, expected) in [
            (Self.sample + "/blog", Self.sample + "/blog/no-comments"),
            (Self.sample + "/blog/", Self.sample + "/blog/no-comments"),
            (Self.sample, Self.sample + "/blog/no-comments"),
        ] {
            let run = try WinnowProcess.run(
                executable: try WinnowProcess.binary(), arguments: ["eval", directory, "--worst", "2", "--jobs", "1"],
                workingDirectory: TestSupport.repositoryRoot.path)
            #expect(run.status == 0, "\(run.stderr)")
            let listed = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" R ") }
                .compactMap { $0.split(separator: " ").last.map(String.init) }
            #expect(!listed.isEmpty, "\(directory)")
            #expect(listed.contains(expected), "\(directory): \(listed)")
            for path in listed {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: TestSupport.repositoryRoot.appendingPathComponent(path).path, isDirectory: &isDirectory)
                #expect(exists && isDirectory.boolValue, "\(directory): \(path) is not a page folder")
            }
        }
    }

    @Test func aMissingFolderIsNamed() throws {
        let scratch = try ScratchFolder()
        let missing = scratch.url.appendingPathComponent("gt/aeb").path
        let run = try WinnowProcess.run(["eval", missing])
        #expect(run.status == 3)
        #expect(run.stderrLines == ["winnow: \(missing): no such folder (a ground-truth folder holds <set>/<id>/page.html)"])

        let file = try scratch.file("main.txt", Data("x".utf8))
        let notFolder = try WinnowProcess.run(["eval", file])
        #expect(notFolder.status == 4)
        #expect(notFolder.stderrLines == ["winnow: \(file): not a folder (a ground-truth folder holds <set>/<id>/page.html)"])
    }

    /// One set of the development set takes its URLs from the parent's
    /// `index.jsonl`, as the whole set scored with `--set` does.
    @Test func oneSetReadsItsURLsFromTheParentIndex() throws {
        let scratch = try ScratchFolder()
        let page = scratch.url.appendingPathComponent("news/a1", isDirectory: true)
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
        try Data("<html><body><p>Text.</p></body></html>".utf8).write(to: page.appendingPathComponent("page.html"))
        try Data("Text.".utf8).write(to: page.appendingPathComponent("main.txt"))
        try Data(#"{"set": "news", "id": "a1", "url": "https://news.example/a1"}"#.utf8)
            .write(to: scratch.url.appendingPathComponent("index.jsonl"))

        let whole = try GroundTruthPage.all(in: scratch.url, sets: ["news"])
        let one = try GroundTruthPage.all(in: scratch.url.appendingPathComponent("news"))
        #expect(whole.map(\.url) == ["https://news.example/a1"])
        #expect(one.map(\.url) == ["https://news.example/a1"])
        #expect(whole.map(\.relativePath) == ["news/a1"])
        #expect(one.map(\.relativePath) == ["a1"])
    }
}
