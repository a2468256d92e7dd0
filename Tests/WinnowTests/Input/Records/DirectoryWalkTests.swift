import Foundation
import Testing
@testable import Winnow

/// The directory walk: matching files in a stable order, a symbolic link
/// loop reported once instead of followed forever.
struct DirectoryWalkTests {
    static func entries(_ root: String, globs: [String] = BatchInputOptions.defaultGlobs) -> [DirectoryWalk.Entry] {
        let walk = DirectoryWalk(root: root, globs: globs)
        var entries: [DirectoryWalk.Entry] = []
        while let entry = walk.next() {
            entries.append(entry)
            if entries.count > 100 { break }
        }
        return entries
    }

    static func relativeFiles(_ entries: [DirectoryWalk.Entry]) -> [String] {
        entries.compactMap {
            if case .file(_, let relativePath) = $0 { return relativePath }
            return nil
        }
    }

    @Test func walksInByteOrderAndMatchesGlobs() throws {
        let scratch = try ScratchFolder()
        for path in ["b/2.html", "b/1.htm", "a.html", "B.html", "c/notes.txt", "c/d/e.html"] {
            let url = scratch.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<p>x</p>".utf8).write(to: url)
        }
        let entries = DirectoryWalkTests.entries(scratch.url.path)
        #expect(DirectoryWalkTests.relativeFiles(entries) == ["B.html", "a.html", "b/1.htm", "b/2.html", "c/d/e.html"])
        #expect(DirectoryWalkTests.relativeFiles(DirectoryWalkTests.entries(scratch.url.path, globs: ["*.txt"])) == ["c/notes.txt"])
        #expect(DirectoryWalkTests.relativeFiles(DirectoryWalkTests.entries(scratch.url.path, globs: ["c/*.html"])) == ["c/d/e.html"])
    }

    @Test func symbolicLinkLoopIsReportedOnce() throws {
        let scratch = try ScratchFolder()
        let sub = scratch.url.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("<p>x</p>".utf8).write(to: sub.appendingPathComponent("page.html"))
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: "..")
        // A second way into a directory already walked is not walked twice.
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("zz-again").path, withDestinationPath: "sub")
        let entries = DirectoryWalkTests.entries(scratch.url.path)
        #expect(DirectoryWalkTests.relativeFiles(entries) == ["sub/page.html"])
        let failures: [InputError] = entries.compactMap {
            if case .failure(_, let error) = $0 { return error }
            return nil
        }
        #expect(failures.map(\.kind) == ["symlink-loop"])
        #expect(failures.first?.message.contains("sub/loop: symbolic link loop") == true)
        #expect(entries.contains(.skipped(reason: "directory-seen-twice")))
    }

    @Test func danglingLinkThatMatchesIsAFailure() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("gone.html").path, withDestinationPath: "nowhere.html")
        let entries = DirectoryWalkTests.entries(scratch.url.path)
        guard case .failure(_, let error)? = entries.first else {
            Issue.record("no failure for the dangling link: \(entries)")
            return
        }
        #expect(error.kind == "missing-file")
        #expect(entries.count == 1)
    }
}
