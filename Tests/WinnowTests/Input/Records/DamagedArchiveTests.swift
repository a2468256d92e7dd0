import Foundation
import Testing
@testable import Winnow

/// Damage in a `.warc.gz`, put in every byte of a member in turn: the
/// batch promise at the reader. Each record of an intact member comes out
/// once, as a page; the damaged member's record is one failure (or, where
/// the damage is in a byte no check covers, its page); nothing is lost and
/// no record is given twice or under another record's key.
@Suite struct DamagedArchiveTests {
    static let archive = SmallArchive(records: 4)

    /// Checks the promise for one damaged copy of `archive` whose member
    /// `damaged` was hit; returns a description of what broke, or nil.
    static func brokenPromise(_ items: [InputItem], damaged: Set<Int>) -> String? {
        let records = items.filter { $0.provenance != nil }
        let keys = records.compactMap(\.provenance?.resumeKey)
        guard Set(keys).count == keys.count else { return "two records share a resume key" }
        for (index, id) in archive.ids.enumerated() where !damaged.contains(index) {
            let matching = records.filter { $0.provenance?.warcRecordID == id }
            guard matching.count == 1, matching[0].page != nil else {
                return "intact record \(index) came out \(matching.count) times"
            }
        }
        let expected = archive.ids.count
        guard records.count == expected else { return "\(records.count) records for \(expected)" }
        return nil
    }

    /// Every byte of the second member flipped, one copy at a time.
    @Test func flippedByteAnywhereInAMember() {
        let bytes = DamagedArchiveTests.archive.bytes
        let start = DamagedArchiveTests.archive.start(of: 1)
        for position in start..<DamagedArchiveTests.archive.start(of: 2) {
            var damaged = bytes
            damaged[position] ^= 0xFF
            let items = SmallArchive.items(damaged)
            if let problem = DamagedArchiveTests.brokenPromise(items, damaged: [1]) {
                Issue.record("byte \(position - start) of member 1 flipped: \(problem)")
                return
            }
        }
    }

    /// The damage only the CRC catches: the record fails whole, with its
    /// own id and offset (it once came out as an article, followed by a
    /// failure at the next record's offset).
    @Test func damageCaughtByTheCRCFailsItsOwnRecord() throws {
        var bytes = DamagedArchiveTests.archive.bytes
        bytes[DamagedArchiveTests.archive.start(of: 2) - 8] ^= 0x01
        let items = SmallArchive.items(bytes)
        #expect(items.count == 4)
        let failure = try #require(items[1].failure)
        #expect(failure.error.kind == "gzip-corrupt")
        #expect(failure.provenance.warcRecordID == DamagedArchiveTests.archive.ids[1])
        #expect(items.compactMap(\.page).map(\.provenance.warcRecordID) == [0, 2, 3].map { DamagedArchiveTests.archive.ids[$0] })
    }

    /// A member cut short in the middle of the file: inflate runs on into
    /// the next member's bytes; that member is still read.
    @Test(arguments: [1, 20, 100, 200])
    func memberCutShort(by removed: Int) {
        let archive = DamagedArchiveTests.archive
        var members = archive.members
        members[1].removeLast(min(removed, members[1].count - 1))
        let items = SmallArchive.items(members.flatMap { $0 })
        #expect(DamagedArchiveTests.brokenPromise(items, damaged: [1]) == nil, "\(removed) bytes cut")
    }

    /// Garbage between members, of any length, is one failure; no record
    /// is lost with it.
    @Test(arguments: [1, 3, 17, 5000])
    func garbageBetweenMembers(length: Int) {
        var generator = SplitMix64(seed: UInt64(length))
        let garbage = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let archive = DamagedArchiveTests.archive
        let bytes = archive.members[0] + archive.members[1] + garbage + archive.members[2] + archive.members[3]
        let items = SmallArchive.items(bytes)
        let records = items.filter { $0.provenance != nil }
        #expect(records.compactMap(\.page).map(\.provenance.warcRecordID) == archive.ids)
        #expect(records.count == 5)
        let keys = records.compactMap(\.provenance?.resumeKey)
        #expect(Set(keys).count == keys.count)
    }

    /// Random damage to random members: several bytes, several members.
    @Test func randomDamage() {
        var generator = SplitMix64(seed: 0xDA4A6E)
        let archive = SmallArchive(records: 12)
        for round in 0..<200 {
            var bytes = archive.bytes
            var hit: Set<Int> = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let member = Int.random(in: 0..<12, using: &generator)
                let start = archive.start(of: member)
                bytes[start + Int.random(in: 0..<archive.members[member].count, using: &generator)] ^=
                    UInt8.random(in: 1...255, using: &generator)
                hit.insert(member)
            }
            let items = SmallArchive.items(bytes, chunk: Int.random(in: 1...4096, using: &generator))
            let records = items.filter { $0.provenance != nil }
            let keys = records.compactMap(\.provenance?.resumeKey)
            #expect(Set(keys).count == keys.count, "round \(round)")
            for (index, id) in archive.ids.enumerated() where !hit.contains(index) {
                #expect(records.filter { $0.provenance?.warcRecordID == id }.count == 1, "round \(round): record \(index)")
            }
            // Each damaged member is one record at most (several hit in a
            // row may be one damaged stretch).
            #expect(records.count <= 12 && records.count >= 12 - hit.count + 1, "round \(round): \(records.count) records")
        }
    }
}
