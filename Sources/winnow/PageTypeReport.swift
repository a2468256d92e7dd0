import Foundation
import Winnow

/// The page-type part of `winnow eval`: for the pages whose truth names
/// their type, main F1 by type, how often the type was decided right, and
/// which types were taken for which.
struct PageTypeReport {
    let scores: [PageScore]
    let truthTypes: Bool

    var text: String {
        let typed = scores.filter { $0.truthType != nil }
        guard !typed.isEmpty else { return "" }
        let types = PageType.allCases.filter { type in typed.contains { $0.truthType == type } }
        var rows = types.map { type in SetScore(name: type.rawValue, scores: typed.filter { $0.truthType == type }) }
        rows.append(SetScore(name: "typed", scores: typed))
        var output = "\nby page type (main text of the pages whose truth names a type\(truthTypes ? "; cleaned as that type" : "")):\n"
        output += EvalCommand.table(rows)
        guard !truthTypes else { return output }
        let right = typed.filter { $0.predictedType == $0.truthType }.count
        output += String(format: "page type decided right: %d of %d (%.1f%%)\n", right, typed.count, 100 * Double(right) / Double(typed.count))
        output += "taken for (rows: truth; columns: decided):\n"
        let decided = PageType.allCases.filter { type in typed.contains { $0.predictedType == type } }
        output += EvalCommand.pad("", 14, left: true) + decided.map { EvalCommand.pad(String($0.rawValue.prefix(6)), 7) }.joined() + "\n"
        for truth in types {
            let pages = typed.filter { $0.truthType == truth }
            output += EvalCommand.pad(truth.rawValue, 14, left: true)
                + decided.map { type in EvalCommand.pad(String(pages.filter { $0.predictedType == type }.count), 7) }.joined() + "\n"
        }
        return output
    }

    /// One JSON line a page: its set, id, annotated type ("" when the set
    /// has none) and figures; `jobs` pages at a time, written in page order.
    static func writeFeatures(of pages: [GroundTruthPage], with cleaner: Cleaner, to path: String, jobs: Int) throws {
        let lines = LineSlots(count: pages.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = next.take(below: pages.count) {
                let page = pages[index]
                let figures = (try? cleaner.pageEvidence(bytes: page.pageBytes(), url: page.url)) ?? []
                // Figure names are plain ASCII words; values are numbers.
                let members = figures.map { "\"\($0.name)\":" + String(format: "%.6g", $0.value) }.joined(separator: ",")
                lines.set(index, "{\"set\":\"\(page.set)\",\"id\":\"\(page.id)\",\"page_type\":\"\(page.pageType?.rawValue ?? "")\","
                    + "\"figures\":{\(members)}}\n")
            }
        }
        try Data(lines.joined.utf8).write(to: URL(fileURLWithPath: path))
    }
}

/// The next page index, handed out once.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            next += 1
            return next - 1
        }
    }
}

/// Lines written by the workers, each slot once.
private final class LineSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]

    init(count: Int) { slots = Array(repeating: "", count: count) }

    func set(_ index: Int, _ line: String) { lock.withLock { slots[index] = line } }

    var joined: String { lock.withLock { slots.joined() } }
}
