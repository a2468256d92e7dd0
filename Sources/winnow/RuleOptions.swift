import ArgumentParser
import Foundation
import Winnow

/// `--rules FILE` (repeatable) and the `WINNOW_RULES` path list: the
/// user's rule files, read and checked before any page is.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A rule file to add to the built-in rules (repeatable; WINNOW_RULES adds a ':'-separated list first).",
            valueName: "FILE"))
    var files: [String] = []

    /// `WINNOW_RULES` first (the environment's standing rules), then the
    /// command line's, in order.
    var paths: [String] {
        let environment = ProcessInfo.processInfo.environment["WINNOW_RULES"] ?? ""
        return environment.split(separator: ":").map(String.init).filter { !$0.isEmpty } + files
    }

    /// The rule files, or exit 9 with the file, line and reason.
    func load() throws -> [RuleFile] {
        do {
            return try paths.map(RuleLoader.ruleFile(atPath:))
        } catch let error as RuleFileError {
            printError("bad rules: \(error.description)")
            throw WinnowExit.badRules
        }
    }

    /// A cleaner with these rule files, or exit 9.
    func cleaner(options: CleanerOptions) throws -> Cleaner {
        let files = try load()
        do {
            return try Cleaner(options: options, ruleFiles: files)
        } catch let error as CleanerError {
            printError(error.description)
            throw WinnowExit.code(for: error)
        }
    }
}
