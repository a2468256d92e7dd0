import Foundation
import Testing
@testable import Winnow

/// The explain report in a real browser: Chromium (Debian's package) loads
/// it headless, takes a screenshot, and a checker script added to a copy of
/// the report reads back, from the rendered DOM, the outline and the label
/// of every marked block.
///
/// Chromium is required: `.ci/run` installs it; without it the test fails,
/// unless `WINNOW_SKIP_BROWSER=1` says on purpose that this machine has none.
@Suite(.serialized) struct ExplainReportBrowserTests {
    static func chromium() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Headless, as root (no sandbox), without a GPU, a profile of its own.
    static func arguments(profile: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--mute-audio",
            "--disable-extensions", "--user-data-dir=\(profile.path)", "--window-size=1200,1600",
        ]
    }

    /// Appended to a copy of the report only: the report itself has no script.
    static let checker = """
        <script>
        const marked = [...document.querySelectorAll('#winnow-page [data-winnow-rule]')].map(e => {
          const s = getComputedStyle(e), label = getComputedStyle(e, '::before').content, r = e.getBoundingClientRect();
          return {kind: e.dataset.winnowKind, stage: e.dataset.winnowStage, rule: e.dataset.winnowRule,
                  outline: s.outlineStyle, outlineWidth: s.outlineWidth, label, height: r.height};
        });
        const out = document.createElement('pre');
        out.id = 'winnow-check';
        out.textContent = JSON.stringify(marked);
        document.body.appendChild(out);
        const main = document.querySelector('#winnow-page [data-winnow-main]');
        const mainOut = document.createElement('pre');
        mainOut.id = 'winnow-main-check';
        mainOut.textContent = main ? JSON.stringify({outline: getComputedStyle(main).outlineStyle,
          label: getComputedStyle(main, '::before').content, height: main.getBoundingClientRect().height}) : 'none';
        document.body.appendChild(mainOut);
        </script>
        """

    struct Mark: Decodable {
        let kind: String
        let stage: String
        let rule: String
        let outline: String
        let outlineWidth: String
        let label: String
        let height: Double
    }

    @Test func labelledOutlinesRenderInChromium() throws {
        guard let chromium = Self.chromium() else {
            if ProcessInfo.processInfo.environment["WINNOW_SKIP_BROWSER"] == "1" {
                Issue.record("no Chromium: the browser check was skipped (WINNOW_SKIP_BROWSER=1)", severity: .warning)
                return
            }
            Issue.record("Chromium is not installed: apt-get install -y chromium (or run .ci/run), or set WINNOW_SKIP_BROWSER=1")
            return
        }
        let scratch = try ScratchFolder()
        let (explanation, _) = try ExplainReportTests.explain("seed-wordpress")
        let report = scratch.url.appendingPathComponent("report.html")
        try Data(explanation.reportHTML.utf8).write(to: report)

        // 1. A screenshot of the report as it is.
        let screenshot = scratch.url.appendingPathComponent("report.png")
        let shot = try WinnowProcess.run(
            executable: chromium,
            arguments: Self.arguments(profile: scratch.url.appendingPathComponent("profile-1"))
                + ["--screenshot=\(screenshot.path)", report.absoluteString],
            timeout: 120)
        #expect(shot.status == 0, "chromium --screenshot: \(shot.stderr.suffix(500))")
        let png = try Data(contentsOf: screenshot)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        let width = png.count > 24 ? png[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
        #expect(width == 1200, "screenshot width \(width)")
        #expect(png.count > 20_000, "a screenshot of the rendered report is more than a blank page: \(png.count) bytes")

        // 2. The rendered DOM of a copy with the checker script.
        let checked = scratch.url.appendingPathComponent("checked.html")
        try Data(explanation.reportHTML.replacingOccurrences(of: "</body>", with: Self.checker + "</body>").utf8).write(to: checked)
        let dump = try WinnowProcess.run(
            executable: chromium,
            arguments: Self.arguments(profile: scratch.url.appendingPathComponent("profile-2"))
                + ["--dump-dom", checked.absoluteString],
            timeout: 120)
        #expect(dump.status == 0, "chromium --dump-dom: \(dump.stderr.suffix(500))")
        let dom = dump.stdoutText
        let json = try #require(
            dom.range(of: #"<pre id="winnow-check">"#).flatMap { start in
                dom[start.upperBound...].range(of: "</pre>").map { String(dom[start.upperBound..<$0.lowerBound]) }
            }, "the checker's output is not in the dumped DOM")
        let marks = try JSONDecoder().decode(
            [Mark].self, from: Data(json.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&").utf8))

        // Every marked block is outlined and labelled with its stage and rule.
        #expect(marks.count >= 20, "\(marks.count) marked blocks")
        for mark in marks {
            #expect(mark.outline != "none", "\(mark.rule): no outline")
            #expect(mark.label.contains(mark.rule), "\(mark.rule): label \(mark.label)")
            if mark.kind == "dropped" { #expect(mark.label.contains(mark.stage), "\(mark.rule): label \(mark.label)") }
        }
        // Comments are marked apart, with another outline.
        let comments = try #require(marks.first { $0.kind == "comments" }, "no comment section marked")
        #expect(comments.outline == "double")
        #expect(comments.label.hasPrefix("\"comments"))
        #expect(comments.height > 50, "the comment section is rendered: \(comments.height) px")
        let header = try #require(marks.first { $0.rule == "site-header" })
        #expect(header.outline == "dashed" && header.stage == "strip-boilerplate")
        // The element chosen as the article is framed, solid, and labelled.
        let main = try #require(
            dom.range(of: #"<pre id="winnow-main-check">"#).flatMap { start in
                dom[start.upperBound...].range(of: "</pre>").map { String(dom[start.upperBound..<$0.lowerBound]) }
            }, "the checker's output for the article frame is not in the dumped DOM"
        ).replacingOccurrences(of: "&quot;", with: "\"")
        #expect(main.contains(#""outline":"solid""#), "\(main)")
        #expect(main.contains("article · article#post-9512"), "\(main)")
    }
}
