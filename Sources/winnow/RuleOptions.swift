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

    /// The rule files, each checked whole and against the others and the
    /// built-in rules, or exit 9 with every error.
    func load() throws -> [RuleFile] {
        _ = try ruleSet()
        return try paths.map(RuleLoader.ruleFile(atPath:))
    }

    /// The built-in rules composed with these rule files, or exit 9 with
    /// the file, line and reason of every error in every file, one line
    /// each.
    ///
    /// The sound entries of a bad file are still composed with the other
    /// files and the built-in rules, so an id taken twice or a `disable`
    /// naming no rule is reported in the same run as a misspelt key.
    func ruleSet() throws -> RuleSet {
        let checks = paths.map(RuleLoader.check(atPath:))
        let builtIn: RuleSet
        do {
            builtIn = try RuleSet.builtIn.get()
        } catch {
            try RuleOptions.refuse([error])
            throw WinnowExit.badRules
        }
        var errors = checks.flatMap(\.errors)
        do {
            let set = try RuleSet.composing(builtIn: builtIn, files: checks.map(\.file))
            try RuleOptions.refuse(errors)
            return set
        } catch let error as RuleFileError {
            errors += error.all
        }
        // Each file's errors together, in line order.
        let order = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        errors = errors.enumerated().sorted {
            (order[$0.element.file] ?? 0, $0.element.line ?? 0, $0.offset) < (order[$1.element.file] ?? 0, $1.element.line ?? 0, $1.offset)
        }.map(\.element)
        try RuleOptions.refuse(errors)
        throw WinnowExit.badRules
    }

    /// A cleaner with these rule files, or exit 9.
    func cleaner(options: CleanerOptions) throws -> Cleaner {
        Cleaner(options: options, rules: try ruleSet())
    }

    /// Prints each error on a line of its own and exits 9, if there are any.
    static func refuse(_ errors: [RuleFileError]) throws {
        guard !errors.isEmpty else { return }
        for error in errors { printError("bad rules: \(error.description)") }
        throw WinnowExit.badRules
    }
}
