import Foundation
import Testing
@testable import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The batch's promise under faults, on the built binary, seeded and small
/// enough for `swift test`: every input record yields exactly one output
/// record, before and after `--resume`. The heavy version (2 000 records,
/// 100 damage patterns, 20 kill points, a full tmpfs) is
/// scripts/fault-injection.py.
@Suite(.serialized) struct BatchFaultInjectionTests {
    static let archive = SmallArchive(records: 40)

    /// The archive's records cleaned whole, by id, without the members
    /// damage may shift (offset) or that name the input.
    static func articles(_ records: [[String: Any]]) -> [String: String] {
        var articles: [String: String] = [:]
        for record in records {
            guard let id = record["warc_record_id"] as? String else { continue }
            var article = record
            article["offset"] = nil
            article["input"] = nil
            let data = try? JSONSerialization.data(withJSONObject: article, options: [.sortedKeys])
            articles[id] = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return articles
    }

    static func keys(_ records: [[String: Any]]) -> [String] {
        records.map { "\($0["input"] ?? "")|\($0["line"] ?? "")|\($0["offset"] ?? "")" }
    }

    /// What broke in one output, or nil: a record of an intact member
    /// missing, twice, or not the baseline's article; two records with one
    /// key.
    static func problem(_ records: [[String: Any]], intact: [String], baseline: [String: String]) -> String? {
        let keys = BatchFaultInjectionTests.keys(records)
        guard Set(keys).count == keys.count else { return "two records share a key" }
        let found = articles(records)
        for id in intact {
            let copies = records.filter { $0["warc_record_id"] as? String == id }.count
            guard copies == 1 else { return "\(id) came out \(copies) times" }
            guard found[id] == baseline[id] else { return "\(id) is not the baseline's article" }
        }
        return nil
    }

    /// Damage of every kind, seeded: flipped bytes, a member cut short,
    /// garbage between members, the file cut short. Each output keeps
    /// every intact record once; cut as a crash leaves it and resumed, it
    /// comes out as before.
    @Test func damagedArchivesKeepThePromiseAndResume() throws {
        let scratch = try ScratchFolder()
        let archive = BatchFaultInjectionTests.archive
        let whole = try scratch.file("whole.warc.gz", Data(archive.bytes))
        let baselineRun = try WinnowProcess.run(["batch", whole, "--jobs", "2"])
        let baseline = BatchFaultInjectionTests.articles(BatchCommandTests.records(baselineRun.stdout))
        #expect(baseline.count == archive.ids.count, "\(baselineRun.stderr)")

        var generator = SplitMix64(seed: 0xFA17)
        for round in 0..<8 {
            var members = archive.members
            var hit: Set<Int> = []
            var bytes: [UInt8]
            switch round % 4 {
            case 0:
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let member = Int.random(in: 0..<members.count, using: &generator)
                    members[member][Int.random(in: 0..<members[member].count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                    hit.insert(member)
                }
                bytes = members.flatMap { $0 }
            case 1:
                let member = Int.random(in: 0..<(members.count - 1), using: &generator)
                members[member].removeLast(Int.random(in: 1..<members[member].count, using: &generator))
                hit.insert(member)
                bytes = members.flatMap { $0 }
            case 2:
                let at = Int.random(in: 1..<members.count, using: &generator)
                let garbage = (0..<Int.random(in: 1...3000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes = members[..<at].flatMap { $0 } + garbage + members[at...].flatMap { $0 }
            default:
                let total = archive.bytes.count
                let cut = Int.random(in: (total / 2)..<total, using: &generator)
                bytes = Array(archive.bytes.prefix(cut))
                let firstCut = (0..<members.count).first { archive.start(of: $0) + members[$0].count > cut } ?? members.count
                hit.formUnion(firstCut..<members.count)
            }
            let input = try scratch.file("damaged.warc.gz", Data(bytes))
            let output = scratch.url.appendingPathComponent("damaged.jsonl").path
            let run = try WinnowProcess.run(["batch", input, "-o", output, "--jobs", "2"])
            #expect(run.status == 0 || run.status == 1, "round \(round): \(run.stderr)")
            let full = try Data(contentsOf: URL(fileURLWithPath: output))
            let intact = archive.ids.indices.filter { !hit.contains($0) }.map { archive.ids[$0] }
            let problem = BatchFaultInjectionTests.problem(BatchCommandTests.records(full), intact: intact, baseline: baseline)
            #expect(problem == nil, "round \(round): \(problem ?? "")")

            // Half a line after the third, as a crash leaves it.
            let lines = full.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let keep = min(3, lines.count - 1)
            var cut = Data(lines.prefix(keep).joined(separator: [UInt8(ascii: "\n")]))
            if keep > 0 { cut.append(UInt8(ascii: "\n")) }
            cut.append(contentsOf: lines[keep].prefix(30))
            try cut.write(to: URL(fileURLWithPath: output))
            let resumed = try WinnowProcess.run(["batch", input, "-o", output, "--jobs", "2", "--resume"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == full, "round \(round): \(resumed.stderr)")
        }
    }

    /// SIGKILL at seeded moments, to .jsonl and .jsonl.gz, then --resume:
    /// the output is the uninterrupted run's, byte for byte.
    @Test(arguments: [(0.2, "out.jsonl"), (0.6, "out.jsonl.gz")])
    func killedAndResumedIsTheWholeRun(fraction: Double, name: String) throws {
        let scratch = try ScratchFolder()
        let input = try scratch.file("whole.warc.gz", Data(BatchFaultInjectionTests.archive.bytes))
        let baselinePath = scratch.url.appendingPathComponent("baseline-" + name).path
        let started = Date()
        _ = try WinnowProcess.run(["batch", input, "-o", baselinePath, "--jobs", "2"])
        let duration = Date().timeIntervalSince(started)
        let baseline = try BatchCommandTests.text(of: baselinePath)

        let output = scratch.url.appendingPathComponent(name).path
        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch", input, "-o", output, "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: duration * fraction)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try WinnowProcess.run(["batch", input, "-o", output, "--jobs", "2", "--resume"])
        #expect(try BatchCommandTests.text(of: output) == baseline, "\(resumed.stderr)")
    }

    /// An input that cannot be read, between two that can: one
    /// `unreadable` record in its place, every other record there.
    @Test func unreadableInputAmongReadableOnes() throws {
        #if os(Linux)
        let scratch = try ScratchFolder()
        let archive = BatchFaultInjectionTests.archive
        let first = try scratch.file("first.warc.gz", Data(archive.members.prefix(20).flatMap { $0 }))
        let second = try scratch.file("second.warc.gz", Data(archive.members.dropFirst(20).flatMap { $0 }))
        // A process's own memory read from offset 0 fails (EIO), for root too.
        let unreadable = scratch.url.appendingPathComponent("unreadable.warc").path
        try FileManager.default.createSymbolicLink(atPath: unreadable, withDestinationPath: "/proc/self/mem")
        let run = try WinnowProcess.run(["batch", first, unreadable, second])
        let records = BatchCommandTests.records(run.stdout)
        #expect(run.status == 1)
        #expect(records.count == archive.ids.count + 1)
        #expect(records.map(BatchCommandTests.errorKind).compactMap { $0 } == ["unreadable"])
        #expect(records[20]["input"] as? String == unreadable)
        #expect(records.compactMap { $0["warc_record_id"] as? String } == archive.ids)
        #endif
    }

    /// SIGTERM while the rules load stops the batch cleanly (exit 143,
    /// the summary) once they are loaded, instead of killing it by the
    /// signal's default action. A rule file of a few thousand rules keeps
    /// the start busy for long enough to be hit.
    @Test func sigtermWhileTheRulesLoadStopsCleanly() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.file("whole.warc.gz", Data(BatchFaultInjectionTests.archive.bytes))
        let rules = (0..<3000).map { "- id: slow-\($0)\n  stage: strip-boilerplate\n  drop-text: '^Notice number \($0):'\n" }
        let ruleFile = try scratch.file("many.yaml", Data(rules.joined().utf8))
        let started = Date()
        let check = try WinnowProcess.run(["rules", "check", ruleFile])
        let loading = Date().timeIntervalSince(started)
        #expect(check.status == 0, "\(check.stderr)")

        let process = Process()
        process.executableURL = try WinnowProcess.binary()
        process.arguments = ["batch", input, "--rules", ruleFile, "-o", scratch.url.appendingPathComponent("out.jsonl").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Half-way through loading the rules.
        Thread.sleep(forTimeInterval: loading / 2)
        kill(process.processIdentifier, SIGTERM)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "died of signal \(process.terminationStatus) after \(loading / 2) s")
        #expect(process.terminationStatus == 143)
        #expect(stderr.contains("interrupted by SIGTERM"), "\(stderr)")
    }
}
