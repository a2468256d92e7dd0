import ArgumentParser
import Foundation
import Winnow

/// `winnow eval DIR`: scores the extraction against a ground-truth folder
/// with the metric of `score.py` (4-token shingles; P and R averaged over
/// pages, F1 of the means), in one process.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the extraction against a ground-truth folder (<set>/<id>/page.html, main.txt, comments.txt).",
        discussion: """
            The metric is the article-extraction benchmark's, as the project's score.py computes \
            it: tokens are \\w+ (Unicode, case kept), shingles are 4 tokens; per page tp, fp and fn \
            are normalised; P is the mean precision over pages with output, R the mean recall over \
            pages with truth, F1 the harmonic mean of P and R. Comments (where the truth has \
            comments.txt) are all comment texts depth first. A page that fails scores as empty output. \
            Metadata is scored where meta.json gives it: title (equal after case, white space and \
            typographic punctuation are normalised), authors (the truth's first name contained in \
            the output's authors), published (the same day); see docs/evaluation.md.
            """
    )

    @Argument(help: "The ground-truth folder.")
    var directory: String

    @Option(name: .customLong("set"), help: "Score only this set (repeatable).")
    var sets: [String] = []

    @Option(help: "List the K worst pages of each set.")
    var worst = 5

    @Option(help: "Pages cleaned in parallel.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Keep each comment's byline and date lines in its text (as dragnet's comment truth does).")
    var commentHeaders = false

    @Flag(help: "Clean each page as the type its meta.json gives (page_type), not the type Winnow decides: scores the profiles apart from the page-type decision.")
    var truthTypes = false

    @Option(help: "Write the page-type evidence of every page to FILE (JSON Lines: set, id, page_type or \"\", figures), for scripts/fit-page-type-model.py.")
    var pageFeatures: String?

    func run() throws {
        let cleaner = try rules.cleaner(options: CleanerOptions(keepsCommentHeaders: commentHeaders))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            printError("\(directory): no such folder (a ground-truth folder holds <set>/<id>/page.html)")
            throw WinnowExit.missingFile
        }
        guard isDirectory.boolValue else {
            printError("\(directory): not a folder (a ground-truth folder holds <set>/<id>/page.html)")
            throw WinnowExit.unreadableFile
        }
        let pages: [GroundTruthPage]
        do {
            pages = try GroundTruthPage.all(in: URL(fileURLWithPath: directory, isDirectory: true), sets: Set(sets))
        } catch {
            printError("\(directory): cannot read the ground truth: \(error.localizedDescription)")
            throw WinnowExit.missingFile
        }
        guard !pages.isEmpty else {
            printError("no pages (<set>/<id>/page.html) in \(directory)")
            throw ExitCode(1)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let scores = EvalCommand.score(pages, with: cleaner, jobs: max(1, jobs), truthTypes: truthTypes)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        var rows = Dictionary(grouping: scores, by: \.set).keys.sorted().map { set in
            SetScore(name: set, scores: scores.filter { $0.set == set })
        }
        if rows.count > 1 { rows.append(SetScore(name: "all", scores: scores)) }
        var output = String(format: "%d pages in %.1fs\n\n", pages.count, seconds)
        output += EvalCommand.table(rows)
        output += EvalCommand.metadataTable(rows)
        output += PageTypeReport(scores: scores, truthTypes: truthTypes).text
        let failed = scores.filter { $0.failure != nil }
        if !failed.isEmpty {
            output += "\nfailures (\(failed.count)), scored as empty output:\n"
            for score in failed.prefix(20) { output += "  \(EvalCommand.folder(of: score, in: directory)): \(score.failure!)\n" }
        }
        if worst > 0 {
            output += EvalCommand.worstPages(scores, count: worst, directory: directory)
            output += EvalCommand.metadataMisses(scores, count: worst, directory: directory)
        }
        writeOutput(output)
        if let pageFeatures {
            try PageTypeReport.writeFeatures(of: pages, with: cleaner, to: pageFeatures, jobs: max(1, jobs))
        }
    }

    /// Cleans and scores every page, `jobs` at a time; results in page order.
    static func score(_ pages: [GroundTruthPage], with cleaner: Cleaner, jobs: Int, truthTypes: Bool = false) -> [PageScore] {
        let results = ScoreSlots(count: pages.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = next.take(below: pages.count) {
                let page = pages[index]
                let score: PageScore
                do {
                    let bytes = try page.pageBytes()
                    var pageCleaner = cleaner
                    if truthTypes, let type = page.pageType {
                        var options = cleaner.options
                        options.pageType = type
                        pageCleaner = Cleaner(options: options, rules: cleaner.rules)
                    }
                    score = PageScore(page: page, article: try pageCleaner.clean(bytes: bytes, url: page.url))
                } catch {
                    score = PageScore(page: page, article: nil, failure: "\(error)")
                }
                results.set(index, score)
            }
        }
        return results.all
    }

    static func format(_ value: Double?, width: Int = 5) -> String {
        let text = value.map { String(format: "%.3f", $0) } ?? "-"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + padding : padding + text
    }

    /// The same columns as `score.py`'s table.
    static func table(_ rows: [SetScore]) -> String {
        var output = pad("set", 12, left: true) + " " + pad("pages", 5) + "  " + pad("main F1", 7) + " " + pad("P", 5) + " "
            + pad("R", 5) + "  | " + pad("comm F1", 7) + " " + pad("P", 5) + " " + pad("R", 5) + "  " + pad("spurious", 9) + " "
            + pad("missed", 8) + " " + pad("leak", 6) + "  | " + pad("failures", 8) + "\n"
        for row in rows {
            var line = pad(row.name, 12, left: true) + " " + pad(String(row.pages), 5) + "  " + format(row.main.f1, width: 7) + " "
                + format(row.main.precision) + " " + format(row.main.recall) + "  | "
            if let comments = row.comments {
                let leak = row.leak.map { String(format: "%.1f%%", 100 * $0) } ?? "-"
                line += format(comments.f1, width: 7) + " " + format(comments.precision) + " " + format(comments.recall) + "  "
                    + pad("\(row.spurious)/\(row.pagesWithoutComments)", 9) + " " + pad("\(row.missed)/\(row.pagesWithComments)", 8)
                    + " " + pad(leak, 6) + "  | "
            } else {
                line += pad("-", 7) + " " + pad("-", 5) + " " + pad("-", 5) + "  " + pad("-", 9) + " " + pad("-", 8) + " " + pad("-", 6) + "  | "
            }
            output += line + pad(String(row.failures), 8) + "\n"
        }
        return output
    }

    /// The page's folder as the user named the directory: `DIR/<set>/<id>`,
    /// or `DIR/<id>` when DIR is one set.
    static func folder(of page: PageScore, in directory: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + page.relativePath
    }

    /// Exact-match accuracy of title, authors and published date per set
    /// (pages whose truth gives the field), as a second table.
    static func metadataTable(_ rows: [SetScore]) -> String {
        let scored = rows.filter { !$0.metadata.isEmpty }
        guard !scored.isEmpty else { return "" }
        func cell(_ field: MetadataAccuracy.Field) -> String {
            guard field.pages > 0 else { return pad("-", 18, left: true) }
            return pad(format(field.accuracy) + " (\(field.matched)/\(field.pages))", 18, left: true)
        }
        var output = "\nmetadata, exact-match accuracy against meta.json (matched/pages whose truth gives it):\n"
        output += pad("set", 12, left: true) + " " + pad("title", 18, left: true) + " " + pad("authors", 18, left: true) + " "
            + "published\n"
        for row in scored {
            output += pad(row.name, 12, left: true) + " " + cell(row.metadata.title) + " " + cell(row.metadata.authors) + " "
                + cell(row.metadata.published).trimmingCharacters(in: .whitespaces) + "\n"
        }
        return output
    }

    /// The first `count` pages of each set whose title, authors or date
    /// missed, with what the truth and the output said.
    static func metadataMisses(_ scores: [PageScore], count: Int, directory: String) -> String {
        var output = ""
        func shown(_ value: String?) -> String {
            guard let value else { return "null" }
            let line = value.replacingOccurrences(of: "\n", with: " ")
            return "\"" + (line.count > 120 ? String(line.prefix(120)) + "…" : line) + "\""
        }
        let fields: [(String, KeyPath<MetadataMatch, Bool?>, (MetadataTruth) -> String?, (Metadata?) -> String?)] = [
            ("title", \.title, \.title, { $0?.title }),
            ("authors", \.authors, \.author, { $0.flatMap { $0.authors.isEmpty ? nil : $0.authors.joined(separator: ", ") } }),
            ("published", \.published, \.published, { $0?.published }),
        ]
        for set in Set(scores.map(\.set)).sorted() {
            let inSet = scores.filter { $0.set == set }
            for (label, match, truth, predicted) in fields {
                let misses = inSet.filter { $0.metadata[keyPath: match] == false }
                guard !misses.isEmpty else { continue }
                output += "\nfirst \(min(count, misses.count)) of \(misses.count) \(label) misses of \(set) (truth, output):\n"
                for page in misses.prefix(count) {
                    output += "  \(folder(of: page, in: directory))  \(shown(truth(page.metadataTruth)))  \(shown(predicted(page.predictedMetadata)))\n"
                }
            }
        }
        return output
    }

    /// The lowest page F1s of each set, by main text and (where annotated)
    /// by comments, with the page's folder to open.
    static func worstPages(_ scores: [PageScore], count: Int, directory: String) -> String {
        var output = ""
        for set in Set(scores.map(\.set)).sorted() {
            let inSet = scores.filter { $0.set == set }
            var lists: [(String, [(PageScore, ShingleMatch)])] = [("main text", inSet.map { ($0, $0.main) })]
            let annotated = inSet.filter { $0.comments != nil && ($0.truthHasComments || $0.predictionHasComments) }
            if inSet.contains(where: { $0.comments != nil }) {
                lists.append(("comments", annotated.map { ($0, $0.comments!) }))
            }
            for (label, pool) in lists {
                output += "\nworst \(min(count, pool.count)) pages of \(set), \(label) (page F1, P, R):\n"
                let sorted = pool.sorted { ($0.1.f1, $0.0.id) < ($1.1.f1, $1.0.id) }
                for (page, match) in sorted.prefix(count) {
                    let p = match.countsForPrecision ? String(format: "%.3f", match.precision) : "  -  "
                    let r = match.countsForRecall ? String(format: "%.3f", match.recall) : "  -  "
                    let note = page.failure.map { "  [\($0)]" } ?? ""
                    output += String(format: "  %.3f  P %@  R %@  ", match.f1, p, r) + "\(folder(of: page, in: directory))\(note)\n"
                }
            }
        }
        return output
    }
}

/// The next page index, handed out once to whichever worker asks first.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Page scores written by the workers, each slot once.
private final class ScoreSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PageScore?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ score: PageScore) {
        lock.lock()
        slots[index] = score
        lock.unlock()
    }

    var all: [PageScore] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
