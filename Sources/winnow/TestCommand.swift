import ArgumentParser
import Foundation
import Winnow

/// `winnow test [DIR]`: runs every fixture folder and compares its output
/// with `expected.json`: a line per fixture, the differences of each that
/// fails, a summary; exit 1 on any failure.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every fixture folder and compare the output with its expected.json.",
        discussion: """
            A fixture folder holds page.html, expected.json, notes.md (must-keep and must-drop \
            lists) and optionally url and rules.yaml. Known-failing fixtures (notes.md says \
            "Status: known-failing: ...") are reported, not failed, as long as nothing else \
            breaks. Exit 0 when every fixture passes, 1 otherwise.
            """
    )

    @Argument(help: "The fixtures folder.")
    var directory = "Fixtures"

    @Option(help: "Run only the fixtures whose name contains this text.")
    var filter: String?

    @Flag(help: "Rewrite expected.json of each differing fixture (never a known-failing one) after showing the difference.")
    var update = false

    @Option(help: "Differences shown per fixture.")
    var maximumShown = 20

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let extraFiles = try rules.load()
        let fixtures: [FixtureFolder]
        do {
            fixtures = try FixtureFolder.all(in: URL(fileURLWithPath: directory, isDirectory: true))
                .filter { filter == nil || $0.name.contains(filter!) }
        } catch {
            printError("\(directory): cannot list fixture folders: \(error.localizedDescription)")
            throw WinnowExit.missingFile
        }
        guard !fixtures.isEmpty else {
            printError("no fixture folders (with a page.html) in \(directory)" + (filter.map { " matching '\($0)'" } ?? ""))
            throw ExitCode(1)
        }
        var counts: [FixtureCheck.Status: Int] = [:]
        var updated = 0
        for fixture in fixtures {
            let check: FixtureCheck
            do {
                let ownRules = try fixture.ruleFile().map { [$0] } ?? []
                let cleaner = try Cleaner(ruleFiles: extraFiles + ownRules)
                check = try FixtureCheck(fixture, cleaner: cleaner)
            } catch {
                counts[.failed, default: 0] += 1
                writeOutput("FAIL  \(fixture.name)\n      cannot run: \(error)\n")
                continue
            }
            var status = check.status
            report(check, status: status)
            if update, status == .failed || status == .unexpected, check.notes.knownFailure == nil,
                check.expected != check.actual
            {
                try Data(check.actual.utf8).write(to: fixture.expectedFile)
                writeOutput("      rewrote \(fixture.expectedFile.path): review it (git diff)\n")
                updated += 1
                status = check.problems.isEmpty ? .passed : .failed
            }
            counts[status, default: 0] += 1
        }
        var summary = "\(fixtures.count) fixture\(fixtures.count == 1 ? "" : "s"): \(counts[.passed, default: 0]) passed, "
            + "\(counts[.failed, default: 0] + counts[.unexpected, default: 0]) failed"
        if let known = counts[.knownFailing] { summary += ", \(known) known-failing" }
        if updated > 0 { summary += ", \(updated) expected.json rewritten" }
        writeOutput(summary + "\n")
        if counts[.failed, default: 0] + counts[.unexpected, default: 0] > 0 { throw ExitCode(1) }
    }

    private func report(_ check: FixtureCheck, status: FixtureCheck.Status) {
        var lines = ["\(status.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(check.fixture.name)"]
        switch status {
        case .passed:
            break
        case .unexpected:
            lines.append("      no expected.json: run with --update to write one, then review it")
        case .knownFailing:
            lines[0] += " (known-failing: \(check.notes.knownFailure ?? ""))"
            for change in check.difference.changes.prefix(maximumShown) { lines.append("      \(change)") }
        case .failed:
            for problem in check.problems { lines.append("      \(problem)") }
            let changes = check.difference.changes
            for change in changes.prefix(maximumShown) { lines.append("      \(change)") }
            if changes.count > maximumShown { lines.append("      … \(changes.count - maximumShown) more differences") }
        }
        writeOutput(lines.joined(separator: "\n") + "\n")
    }
}
