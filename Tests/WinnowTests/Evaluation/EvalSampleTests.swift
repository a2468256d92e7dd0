import Foundation
import Testing
@testable import Winnow

/// `winnow eval` on the hand-made sample in `Tests/EvalSample/`: every
/// figure equals what `score.py --pred` computed from the same outputs
/// (Winnow's `clean` output of each page, saved): per page, per set, and
/// the printed table.
@Suite struct EvalSampleTests {
    static let directory = TestSupport.repositoryRoot.appendingPathComponent("Tests/EvalSample", isDirectory: true)

    static func scores() throws -> [PageScore] {
        let pages = try GroundTruthPage.all(in: directory)
        let cleaner = try Cleaner()
        return try pages.map { page in
            PageScore(page: page, article: try cleaner.clean(bytes: page.pageBytes(), url: page.url))
        }
    }

    func close(_ a: Double?, _ b: Double, _ what: String) {
        let shown = a.map { String($0) } ?? "nil"
        let isClose = a.map { abs($0 - b) < 1e-9 } ?? false
        #expect(isClose, "\(what): \(shown) vs score.py \(b)")
    }

    @Test func pagesAreReadAsScorePyReadsThem() throws {
        let pages = try GroundTruthPage.all(in: Self.directory)
        #expect(pages.map { "\($0.set)/\($0.id)" } == [
            "blog/no-comments", "blog/with-comments", "news/empty-truth", "news/exact", "news/partial",
        ])
        #expect(pages.first { $0.id == "exact" }?.url == "https://courier.example/news/rain-returns")
        #expect(pages.first { $0.id == "partial" }?.url == nil)
        #expect(pages.first { $0.id == "no-comments" }?.commentsTruth == "")
        #expect(pages.first { $0.id == "exact" }?.commentsTruth == nil)
    }

    @Test func pageFiguresEqualScorePy() throws {
        let byID = Dictionary(uniqueKeysWithValues: try Self.scores().map { ($0.id, $0) })
        let expected: [(String, [Double], [Double]?)] = [
            ("no-comments", [1, 0, 0], [0, 1, 0]),
            ("with-comments", [1, 0, 0], [0.7368421052631579, 0.07894736842105263, 0.18421052631578946]),
            ("empty-truth", [0, 1, 0], nil),
            ("exact", [1, 0, 0], nil),
            ("partial", [0.7547169811320755, 0.05660377358490566, 0.18867924528301888], nil),
        ]
        for (id, main, comments) in expected {
            let score = try #require(byID[id])
            for (value, want) in zip([score.main.truePositives, score.main.falsePositives, score.main.falseNegatives], main) {
                close(value, want, "\(id) main")
            }
            #expect((score.comments == nil) == (comments == nil), "\(id)")
            if let comments, let got = score.comments {
                for (value, want) in zip([got.truePositives, got.falsePositives, got.falseNegatives], comments) {
                    close(value, want, "\(id) comments")
                }
            }
        }
        #expect(byID["with-comments"]?.leak == 0)
    }

    @Test func setFiguresEqualScorePy() throws {
        let scores = try Self.scores()
        let blog = SetScore(name: "blog", scores: scores.filter { $0.set == "blog" })
        let news = SetScore(name: "news", scores: scores.filter { $0.set == "news" })
        let all = SetScore(name: "all", scores: scores)
        close(blog.main.f1, 1, "blog F1")
        close(blog.comments?.f1, 0.577319587628866, "blog comment F1")
        close(blog.comments?.precision, 0.45161290322580644, "blog comment P")
        close(blog.comments?.recall, 0.7999999999999999, "blog comment R")
        #expect(blog.spurious == 1 && blog.pagesWithoutComments == 1 && blog.missed == 0 && blog.pagesWithComments == 1)
        close(news.main.f1, 0.7503766951280764, "news F1")
        close(news.main.precision, 0.6434108527131783, "news P")
        close(news.main.recall, 0.9, "news R")
        #expect(news.comments == nil && news.main.pagesInPrecision == 3 && news.main.pagesInRecall == 2)
        close(all.main.f1, 0.8602813127930342, "all F1")
        close(all.main.precision, 0.786046511627907, "all P")
        close(all.main.recall, 0.95, "all R")
    }

    /// The table as score.py printed it for the same outputs.
    @Test func commandPrintsScorePysTable() throws {
        let run = try WinnowProcess.run(["eval", Self.directory.path, "--worst", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        for row in [
            "set          pages  main F1     P     R  | comm F1     P     R   spurious   missed   leak  | failures",
            "blog             2    1.000 1.000 1.000  |   0.577 0.452 0.800        1/1      0/1   0.0%  |        0",
            "news             3    0.750 0.643 0.900  |       -     -     -          -        -      -  |        0",
            "all              5    0.860 0.786 0.950  |   0.577 0.452 0.800        1/1      0/1   0.0%  |        0",
        ] {
            #expect(lines.contains(row), "missing: \(row)\n\(run.stdoutText)")
        }
        // Titles match after case and white space; the page names no
        // author and no date.
        for row in [
            "set          title              authors            published",
            "blog         1.000 (1/1)        0.000 (0/1)        -",
            "news         1.000 (1/1)        -                  0.000 (0/1)",
            "all          1.000 (2/2)        0.000 (0/1)        0.000 (0/1)",
        ] {
            #expect(lines.contains(row), "missing: \(row)\n\(run.stdoutText)")
        }
    }
}
