import Foundation
import Testing

/// Rules scoped to hosts cannot apply to a page without a URL or a
/// canonical URL: the tool says so once on standard error instead of
/// skipping them silently.
@Suite(.serialized) struct AddressScopedRulesNoticeTests {
    static let pack = TestSupport.repositoryRoot.appendingPathComponent("rules/sites/afnn.example.yaml").path
    static let ids = "afnn-donation-appeal, afnn-briefing-signup, afnn-comments"

    /// The site pack's fixture page with its canonical and og:url taken out.
    static func pageWithoutAddress(in scratch: ScratchFolder) throws -> String {
        let page = try String(contentsOf: Fixture.directory.appendingPathComponent("site-pack-afnn/page.html"), encoding: .utf8)
        let stripped = page.replacingOccurrences(of: #"<link rel="canonical"[^>]*>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<meta property="og:url"[^>]*>"#, with: "", options: .regularExpression)
        #expect(stripped != page)
        return try scratch.file("saved.html", Data(stripped.utf8))
    }

    @Test func cleanSaysOnceThatTheSiteRulesCannotApply() throws {
        let scratch = try ScratchFolder()
        let page = try Self.pageWithoutAddress(in: scratch)
        let run = try WinnowProcess.run(["clean", page, "--rules", Self.pack])
        #expect(run.status == 0)
        #expect(run.stderrLines == [
            "winnow: \(page) has no URL and no canonical URL (give it with --url): 3 rules scoped to hosts or URLs cannot apply to it (\(Self.ids))"
        ])
        let twice = try WinnowProcess.run(["clean", page, page, "--rules", Self.pack])
        #expect(twice.stderrLines.count == 1, "\(twice.stderr)")
        #expect(twice.stderrLines.first?.hasSuffix("; later pages without one are not reported") == true)

        let withURL = try WinnowProcess.run(["clean", page, "--rules", Self.pack, "--url", "https://afnn.example/2022/03/x/"])
        #expect(withURL.stderrLines.isEmpty)
        let withoutRules = try WinnowProcess.run(["clean", page])
        #expect(withoutRules.stderrLines.isEmpty)
        // The fixture page names its canonical URL: the pack applies.
        let fixture = Fixture.directory.appendingPathComponent("site-pack-afnn/page.html").path
        let canonical = try WinnowProcess.run(["clean", fixture, "--rules", Self.pack, "--format", "text"])
        #expect(canonical.stderrLines.isEmpty)
        let given = try WinnowProcess.run(
            ["clean", fixture, "--rules", Self.pack, "--format", "text", "--url",
             "https://afnn.example/2022/03/23/putin-calls-in-a-favor-from-the-belarusian-president/"])
        #expect(canonical.stdout == given.stdout)
    }

    @Test func batchSaysItOncePerRun() throws {
        let scratch = try ScratchFolder()
        let page = try Self.pageWithoutAddress(in: scratch)
        let run = try WinnowProcess.run(["batch", page, page, page, "--rules", Self.pack, "--jobs", "2"])
        #expect(run.status == 0)
        let notices = run.stderrLines.filter { $0.contains("cannot apply") }
        #expect(notices == [
            "winnow: \(page) has no URL and no canonical URL (batch reads URLs from JSON Lines and WARC records): "
                + "3 rules scoped to hosts or URLs cannot apply to it (\(Self.ids)); later pages without one are not reported"
        ])
    }

    @Test func explainSaysItToo() throws {
        let scratch = try ScratchFolder()
        let page = try Self.pageWithoutAddress(in: scratch)
        let run = try WinnowProcess.run(["explain", page, "--rules", Self.pack])
        #expect(run.status == 0)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderrLines.first?.contains("cannot apply to it") == true)
    }
}
