import Foundation
import Testing

@testable import Winnow

/// The page's text figures, kept up to date through removals, must read
/// exactly as a new count of the tree as it stands: every stage that
/// weighs the tree trusts them.
struct TextCountsTests {
    /// Two parses of one page, their nodes paired by document order: one
    /// is cleaned through `Page` with its counts kept up to date, the other
    /// loses the same nodes and is counted anew each time.
    private struct Twin {
        let kept: Page
        let fresh: Page
        private(set) var keptNodes: [Node]
        private(set) var freshNodes: [Node]

        init(html: [UInt8]) throws {
            let rules = try RuleSet.builtIn.get()
            kept = Page(document: try Document(utf8: html), url: nil, rules: rules, options: CleanerOptions())
            fresh = Page(document: try Document(utf8: html), url: nil, rules: rules, options: CleanerOptions())
            keptNodes = Twin.nodes(under: try #require(kept.document.body))
            freshNodes = Twin.nodes(under: try #require(fresh.document.body))
            try #require(keptNodes.count == freshNodes.count)
        }

        /// The elements and text nodes under `root`, itself included.
        static func nodes(under root: Node) -> [Node] {
            var nodes = [root]
            root.walkDescendants { node in
                if node.isElement || node.isText { nodes.append(node) }
                return .descend
            }
            return nodes
        }

        /// Removes the pair at `index` from both trees.
        mutating func remove(at index: Int) {
            kept.remove(keptNodes[index], rule: "test")
            fresh.remove(freshNodes[index], rule: "test")
        }

        /// Pairs still in the tree.
        var attached: [Int] { keptNodes.indices.filter { keptNodes[$0].isAttached } }

        /// Compares the kept figures under the pair at `index` with a new
        /// count of that subtree, over every node ever seen (removed ones
        /// and those outside the subtree read as nothing).
        func compare(under index: Int) -> [String] {
            let kept = self.kept.textStatistics(under: keptNodes[index])
            let fresh = TextStatistics(root: freshNodes[index])
            var mismatches: [String] = []
            for position in keptNodes.indices where kept[keptNodes[position]] != fresh[freshNodes[position]] {
                mismatches.append("figures of node \(position) (\(keptNodes[position].name))")
            }
            // Positions need only agree in order, and on which are inside.
            let ordered = keptNodes.indices.sorted {
                fresh.documentPosition(of: freshNodes[$0]) < fresh.documentPosition(of: freshNodes[$1])
            }
            for (before, after) in zip(ordered, ordered.dropFirst()) {
                let freshOrder = fresh.documentPosition(of: freshNodes[before]) < fresh.documentPosition(of: freshNodes[after])
                let keptOrder = kept.documentPosition(of: keptNodes[before]) < kept.documentPosition(of: keptNodes[after])
                if freshOrder != keptOrder { mismatches.append("order of nodes \(before) and \(after)") }
            }
            return mismatches
        }
    }

    static let fixtures: [String] = {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    @Test func fixturesAreFound() {
        #expect(TextCountsTests.fixtures.count >= 8)
    }

    /// Rounds of random removals on each fixture page: after each, the
    /// body's figures and those of a random subtree match a new count,
    /// and they came from the count kept up to date, not from a new one.
    @Test(arguments: fixtures)
    func keptCountsMatchNewCounts(fixture: String) throws {
        let file = TestSupport.repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/page.html")
        var twin = try Twin(html: Array(try Data(contentsOf: file)))
        var random = SplitMix64(seed: NameHash.of(fixture))
        let first = ObjectIdentifier(twin.kept.textStatistics(under: twin.keptNodes[0]).counts)
        for round in 0..<6 {
            let candidates = twin.attached.filter { $0 != 0 }
            guard !candidates.isEmpty else { break }
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let pick = candidates[Int(random.next() % UInt64(candidates.count))]
                if twin.keptNodes[pick].isAttached { twin.remove(at: pick) }
            }
            #expect(twin.compare(under: 0) == [], "round \(round), body")
            let inside = twin.attached.filter { twin.keptNodes[$0].isElement }
            let subtree = inside[Int(random.next() % UInt64(inside.count))]
            #expect(twin.compare(under: subtree) == [], "round \(round), subtree \(subtree)")
            let counts = ObjectIdentifier(twin.kept.textStatistics(under: twin.keptNodes[0]).counts)
            #expect(counts == first, "round \(round): the body was counted anew")
        }
    }

    /// A stage that still holds figures keeps reading them as they were
    /// when it asked; a later question after removals gets a new count.
    @Test func heldFiguresDoNotChange() throws {
        let html = "<html><body><div id=\"a\"><p>One, two, three.</p><p id=\"x\">Four and five.</p></div></body></html>"
        let page = Page(document: try TestSupport.document(html), url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        let body = try #require(page.document.body)
        let held = page.textStatistics(under: body)
        let before = held[body]
        let removed = try #require(body.descendantElements().first { $0.attribute("id") == "x" })
        page.remove(removed, rule: "test")
        #expect(held[body] == before)
        #expect(held[body].chars == "One,two,three.Fourandfive.".count)
        let after = page.textStatistics(under: body)
        #expect(after[body].chars == "One,two,three.".count)
        #expect(after.counts !== held.counts)
        #expect(after[removed] == TextStatistics.Figures())
    }

    /// Nodes outside a subtree read as nothing in its figures, as in a
    /// count of the subtree alone.
    @Test func subtreeFiguresLeaveOutTheRest() throws {
        let html = "<html><body><p id=\"out\">Outside, here.</p><div id=\"in\"><a href=\"/\">Link text</a> and more</div></body></html>"
        let page = Page(document: try TestSupport.document(html), url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        let elements = try #require(page.document.body?.descendantElements())
        let inside = try #require(elements.first { $0.attribute("id") == "in" })
        let outside = try #require(elements.first { $0.attribute("id") == "out" })
        let statistics = page.textStatistics(under: inside)
        #expect(statistics[inside].chars == "Linktextandmore".count)
        #expect(statistics[inside].linkChars == "Linktext".count)
        #expect(statistics[outside] == TextStatistics.Figures())
        #expect(statistics.documentPosition(of: outside) == Int.max)
        #expect(statistics.documentPosition(of: inside) < statistics.documentPosition(of: try #require(inside.firstChild(named: "a"))))
    }
}
