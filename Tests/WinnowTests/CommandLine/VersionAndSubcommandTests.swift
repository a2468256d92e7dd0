import Foundation
import Testing
@testable import Winnow

/// What a new user types first: `--version`, `--help`, a subcommand spelt
/// wrong, and a page file given without `clean`.
@Suite(.serialized) struct VersionAndSubcommandTests {
    /// Winnow's version and the libxml2 loaded at run time, on one line.
    @Test func versionNamesWinnowAndTheLibxml2ItRunsOn() throws {
        let run = try WinnowProcess.run(["--version"])
        #expect(run.status == 0)
        let line = run.stdoutText.trimmingCharacters(in: .newlines)
        #expect(line == WinnowVersion.description)
        #expect(line.hasPrefix("winnow \(WinnowVersion.current) (libxml2 "))
        // The runtime's own number, dotted: 2.9.14 is "20914".
        let libxml2 = WinnowVersion.libxml2
        #expect(libxml2.split(separator: ".").count == 3, "\(libxml2)")
        #expect(libxml2.split(separator: ".").allSatisfy { Int($0) != nil }, "\(libxml2)")
        #expect(line.contains("libxml2 \(libxml2)"))
    }

    @Test func dottedVersionReadsLibxml2sNumber() {
        #expect(WinnowVersion.dotted("20914") == "2.9.14")
        #expect(WinnowVersion.dotted("21203") == "2.12.3")
        #expect(WinnowVersion.dotted("odd") == "odd")
    }

    @Test func helpListsTheVersionOption() throws {
        let run = try WinnowProcess.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("--version"))
    }

    /// `winnow version` was read as a page file named "version".
    @Test func versionAsAWordPointsToTheOption() throws {
        let run = try WinnowProcess.run(["version"])
        #expect(run.status == 64)
        #expect(run.stderrLines == ["winnow: no such subcommand 'version'; did you mean `winnow --version`?"])
        #expect(run.stdout.isEmpty)
    }

    @Test func misspeltSubcommandGetsTheNearest() throws {
        let page = CleanCommandTests.page
        for (typed, meant) in [("explian", "explain"), ("clen", "clean"), ("btach", "batch"), ("rule", "rules")] {
            let run = try WinnowProcess.run([typed, page])
            #expect(run.status == 64, "\(typed)")
            #expect(run.stderrLines == ["winnow: no such subcommand '\(typed)'; did you mean `winnow \(meant)`?"])
            #expect(run.stdout.isEmpty, "\(typed): nothing cleaned")
        }
    }

    @Test func unrelatedWordListsTheSubcommands() throws {
        let run = try WinnowProcess.run(["frobnicate"])
        #expect(run.status == 64)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderrLines.first?.hasPrefix("winnow: no such subcommand 'frobnicate' (subcommands: clean, batch, explain") == true)
    }

    /// `winnow PAGE.html` is still `winnow clean PAGE.html`, and a missing
    /// page file is still a missing file (exit 3), not a subcommand.
    @Test func aPageFileIsStillCleanedWithoutTheSubcommand() throws {
        let shortcut = try WinnowProcess.run([CleanCommandTests.page])
        let explicit = try WinnowProcess.run(["clean", CleanCommandTests.page])
        #expect(shortcut.status == 0)
        #expect(shortcut.stdout == explicit.stdout)
        #expect(!shortcut.stdout.isEmpty)

        let missing = try WinnowProcess.run(["absent-page.html"])
        #expect(missing.status == 3)
        #expect(missing.stderrLines == ["winnow: absent-page.html: no such file"])
    }

    /// A bare word that is a file in the working directory is that file.
    @Test func anExistingFileNamedLikeAWordIsCleaned() throws {
        let scratch = try ScratchFolder()
        let html = try Data(contentsOf: URL(fileURLWithPath: CleanCommandTests.page))
        _ = try scratch.file("article", html)
        let run = try WinnowProcess.run(
            executable: try WinnowProcess.binary(), arguments: ["article"], workingDirectory: scratch.url.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.contains("\"schema\":\"winnow.article/1\""))
    }

    @Test func nearestNameByEditDistance() {
        #expect(NearestName.editDistance("explian", "explain") == 1)
        #expect(NearestName.editDistance("kitten", "sitting") == 3)
        #expect(NearestName.editDistance("", "abc") == 3)
        #expect(NearestName.nearest(to: "dorp", among: ["drop", "keep", "main"]) == "drop")
        #expect(NearestName.nearest(to: "strip-boilerplat", among: RuleLoader.orderedStageNames) == "strip-boilerplate")
        #expect(NearestName.nearest(to: "foo", among: ["drop", "keep", "main"]) == nil)
    }
}
