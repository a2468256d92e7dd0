import Foundation
import Testing
@testable import Winnow

/// The site rule packs under `rules/sites/`: each has a fixture whose page
/// is its seed page plus blocks only that site has. The pack must take
/// exactly those blocks (the same comparison as `winnow test` names them)
/// and give back the seed page's article.
@Suite struct SitePackTests {
    static let packs: [(fixture: String, seed: String, pack: String, vanished: [String])] = [
        ("site-pack-newstoday", "seed-aggregator", "newstoday.example.yaml", ["NV is on Telegram", "Also on NV: Zelensky"]),
        ("site-pack-afnn", "seed-wordpress", "afnn.example.yaml", ["AFNN is reader-supported", "Sign up for the AFNN Daily Briefing"]),
    ]

    static func fixture(_ name: String) throws -> Fixture {
        try #require(Fixture.all().first { $0.name == name }, "no fixture \(name)")
    }

    @Test(arguments: packs.map(\.fixture))
    func packIsTheFixturesRuleFile(_ name: String) throws {
        let pack = try #require(Self.packs.first { $0.fixture == name })
        let fixture = try Self.fixture(name)
        let linked = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.folder.rulesFile.path)
        #expect(linked == "../../rules/sites/\(pack.pack)", "rules.yaml is the shipped pack, not a copy")
        let loaded = try RuleLoader.ruleFile(atPath: TestSupport.repositoryRoot.appendingPathComponent("rules/sites/\(pack.pack)").path)
        #expect(!loaded.rules.isEmpty)
        #expect(loaded.rules.allSatisfy { !$0.hosts.isEmpty }, "site rules are scoped to their site")
    }

    @Test(arguments: packs.map(\.fixture))
    func packTakesExactlyTheSitesBlocks(_ name: String) throws {
        let pack = try #require(Self.packs.first { $0.fixture == name })
        let fixture = try Self.fixture(name)
        let bytes = try [UInt8](Data(contentsOf: fixture.pageFile))
        let url = try fixture.pageURL()
        let without = try Cleaner().clean(bytes: bytes, url: url)
        let with = try fixture.clean(explain: true)

        let changes = ArticleDifference(expected: without.json, actual: Article(
            url: with.url, metadata: with.metadata, blocks: with.blocks, commentCount: with.commentCount,
            comments: with.comments).json).changes
        #expect(changes.count == pack.vanished.count, "\(changes.map(\.description))")
        for (change, text) in zip(changes, pack.vanished) {
            #expect(change.message.hasPrefix("block vanished: paragraph \"\(text)"), "\(change)")
        }
        // Each is logged under one of the pack's rules.
        let packRules = Set(try fixture.folder.ruleFile()?.rules.map(\.id) ?? [])
        for text in pack.vanished {
            #expect(with.removed?.contains { packRules.contains($0.rule) && $0.excerpt.hasPrefix(text) } == true, "\(text)")
        }
        // And the article is the seed page's.
        let seed = try Self.fixture(pack.seed).clean()
        #expect(with.blocks == seed.blocks)
        #expect(with.comments == seed.comments)
        #expect(with.metadata == seed.metadata)
    }

    @Test func packsDoNothingOnOtherSites() throws {
        let fixture = try Self.fixture("site-pack-newstoday")
        let bytes = try [UInt8](Data(contentsOf: fixture.pageFile))
        let other = "https://elsewhere.example/story"
        #expect(try fixture.folder.cleaner().clean(bytes: bytes, url: other) == Cleaner().clean(bytes: bytes, url: other))
    }
}
