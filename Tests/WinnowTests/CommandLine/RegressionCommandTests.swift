import Foundation
import Testing

/// `winnow test`, `winnow rules` and `winnow explain` as scripts see them:
/// the built binary, its output and exit code.
@Suite(.serialized) struct RegressionCommandTests {
    static let fixtures = Fixture.directory.path

    @Test func everyFixturePasses() throws {
        let run = try WinnowProcess.run(["test", Self.fixtures])
        #expect(run.status == 0, "\(run.stdoutText)")
        let count = Fixture.all().count
        #expect(run.stdoutText.contains("\(count) fixtures: "), "\(run.stdoutText)")
        #expect(run.stdoutText.contains(" 0 failed"))
        #expect(run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("PASS ") || $0.hasPrefix("KNOWN ") }.count == count)
    }

    /// A rule that drops a paragraph of one fixture makes `winnow test` fail
    /// with a diff naming the fixture and the block.
    @Test func aBrokenRuleFailsWithTheFixtureAndTheBlock() throws {
        let scratch = try ScratchFolder()
        let broken = try scratch.file(
            "broken.yaml",
            Data(
                """
                - id: broken-drops-a-paragraph
                  stage: strip-article-boilerplate
                  drop-text: '^Correct or not, Putin'
                """.utf8))
        let run = try WinnowProcess.run(["test", Self.fixtures, "--rules", broken])
        #expect(run.status == 1)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("FAIL  seed-wordpress"), "\(run.stdoutText)")
        #expect(lines.contains(#"      /blocks/4: block vanished: paragraph "Correct or not, Putin cannot be pleased with his army’s lack of progress.""#), "\(run.stdoutText)")
        #expect(lines.contains("PASS  seed-aggregator"))
        #expect(lines.last?.contains("failed") == true && lines.last?.contains(" 0 failed") == false)
    }

    @Test func updateRewritesAfterShowingTheDifference() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = Fixture.directory.appendingPathComponent("seed-wordpress")
        for name in ["page.html", "url", "notes.md"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let expected = try String(contentsOf: source.appendingPathComponent("expected.json"), encoding: .utf8)
        try Data(expected.replacingOccurrences(of: "Wednesday marks", with: "Tuesday marks").utf8)
            .write(to: folder.appendingPathComponent("expected.json"))

        let failing = try WinnowProcess.run(["test", scratch.url.path])
        #expect(failing.status == 1)
        #expect(failing.stdoutText.contains(#"/blocks/1: block changed: paragraph: text "Tuesday marks"#), "\(failing.stdoutText)")

        let update = try WinnowProcess.run(["test", scratch.url.path, "--update"])
        #expect(update.status == 0, "\(update.stdoutText)")
        #expect(update.stdoutText.contains("block changed"), "the difference is shown before rewriting")
        #expect(try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8) == expected)
        #expect(try WinnowProcess.run(["test", scratch.url.path]).status == 0)
    }

    @Test func filterRunsASubset() throws {
        let run = try WinnowProcess.run(["test", Self.fixtures, "--filter", "charset"])
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("2 fixtures: 2 passed"), "\(run.stdoutText)")
        let none = try WinnowProcess.run(["test", Self.fixtures, "--filter", "no-such-fixture"])
        #expect(none.status == 1)
    }

    @Test func badRuleFilesAreRefusedBeforeAnyPage() throws {
        let scratch = try ScratchFolder()
        let bad = try scratch.file("bad.yaml", Data("- id: x\n  stage: strip-boilerplate\n  drop: 'div[class'\n".utf8))
        for arguments in [
            ["clean", "/nonexistent/page.html", "--rules", bad], ["rules", "check", bad],
            ["test", Self.fixtures, "--rules", bad], ["explain", "/nonexistent/page.html", "--rules", bad],
        ] {
            let run = try WinnowProcess.run(arguments)
            #expect(run.status == 9, "\(arguments)")
            #expect(run.stderrLines.first?.hasPrefix("winnow: bad rules: \(bad):3: bad selector in 'drop'") == true, "\(run.stderr)")
        }
    }

    /// `rules check` reports every error of every file given, one line
    /// each, with the nearest valid name (it stopped at the first).
    @Test func rulesCheckReportsEveryError() throws {
        let scratch = try ScratchFolder()
        let first = try scratch.file("first.yaml", Data("- id: a\n  stage: strip-boilerplat\n  dorp: p\n- disable: [navigatoin]\n".utf8))
        let second = try scratch.file("second.yaml", Data("- id: b\n  stage: main-content\n  page-types: [prodcut]\n  main: article\n".utf8))
        let run = try WinnowProcess.run(["rules", "check", first, second])
        #expect(run.status == 9)
        #expect(run.stderrLines == [
            "winnow: bad rules: \(first):2: unknown stage 'strip-boilerplat'; did you mean 'strip-boilerplate'?",
            "winnow: bad rules: \(first):3: unknown key 'dorp'; did you mean 'drop'?",
            "winnow: bad rules: \(first):4: 'disable' names no known rule: 'navigatoin'; did you mean 'navigation'?",
            "winnow: bad rules: \(second):3: unknown page type 'prodcut'; did you mean 'product'?",
        ])
        #expect(run.stdout.isEmpty)
    }

    @Test func environmentRuleFilesApply() throws {
        let scratch = try ScratchFolder()
        let rules = try scratch.file("env.yaml", Data("- disable: [navigation]\n".utf8))
        let run = try WinnowProcess.run(["rules", "list"], environment: ["WINNOW_RULES": "/nonexistent-first.yaml:" + rules])
        #expect(run.status == 9, "the first path of WINNOW_RULES is read too")
        let ok = try WinnowProcess.run(["rules", "list"], environment: ["WINNOW_RULES": rules])
        #expect(ok.status == 0)
        #expect(!ok.stdoutText.contains("  navigation  "))
        #expect(try WinnowProcess.run(["rules", "list"]).stdoutText.contains("  navigation  "))
    }

    @Test func rulesShowAndList() throws {
        let pack = TestSupport.repositoryRoot.appendingPathComponent("rules/sites/afnn.example.yaml").path
        let list = try WinnowProcess.run(["rules", "list", "--rules", pack])
        #expect(list.status == 0)
        #expect(list.stdoutText.contains("  afnn-donation-appeal  [hosts: afnn.example; \(pack):"), "\(list.stdoutText)")
        #expect(list.stdoutText.contains("    drop: .afnn-appeal"))
        let show = try WinnowProcess.run(["rules", "show", "afnn-briefing-signup", "--rules", pack])
        #expect(show.stdoutText.contains("drop-text: ^Sign up for the AFNN Daily Briefing\\b"))
        #expect(try WinnowProcess.run(["rules", "show", "no-such-rule"]).status == 1)
        let check = try WinnowProcess.run(["rules", "check", pack])
        #expect(check.stdoutText == "\(pack): OK, 3 rules\n")
    }

    @Test func explainPrintsTheLogAndWritesTheReport() throws {
        let scratch = try ScratchFolder()
        let page = Fixture.directory.appendingPathComponent("seed-aggregator/page.html").path
        let report = scratch.url.appendingPathComponent("report.html").path
        let run = try WinnowProcess.run(["explain", page, "--html", report])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.contains("strip-article-boilerplate\n"))
        #expect(run.stdoutText.contains("  read-also: 2 blocks, "), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("Read also: Putin has become a problem"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains(#"data-winnow-rule="read-also""#))
    }

    /// The log starts with the page type and the element chosen as the
    /// article, with why; removals of nothing take one line per rule.
    @Test func explainNamesTheArticleFirstAndGroupsEmptyRemovals() throws {
        let page = Fixture.directory.appendingPathComponent("seed-wordpress/page.html").path
        let run = try WinnowProcess.run(["explain", page])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("page type: article "))
        #expect(lines[1] == "article: article#post-9512.post-9512.post.type-post…")
        #expect(lines[2] == "  markup: rule article-element names it; it holds the scoring's pick, div.entry-content")
        #expect(lines[3].hasPrefix("  best-scored of 11 candidates: div.entry-content 116.5 (4195 chars), "))
        #expect(run.stdoutText.contains("  non-content-elements: 2 blocks, 0 chars\n         0  2 with no text: <iframe>, <script>\n"))
        #expect(run.stdoutText.contains("         0  8 with no text: <textarea>, <input>\n"))
        #expect(!lines.contains("         0  <input>"))
    }
}
