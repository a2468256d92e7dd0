import ArgumentParser
import Foundation
import Winnow

/// `winnow rules list|check|show`: what the rules in force are, whether a
/// rule file would be accepted, and one rule in full.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules in force, check a rule file, or show one rule.",
        subcommands: [List.self, Check.self, Show.self],
        defaultSubcommand: List.self
    )

    /// The built-in rules composed with the user's files, or exit 9.
    static func ruleSet(_ options: RuleOptions) throws -> RuleSet {
        try options.ruleSet()
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every rule in force, in the order a stage tries them: id, stage, scope, what it matches.")

        @OptionGroup var rules: RuleOptions

        func run() throws {
            let set = try RulesCommand.ruleSet(rules)
            var output = ""
            for stage in RuleLoader.orderedStageNames {
                let inStage = set.rules.filter { $0.stage == stage }
                guard !inStage.isEmpty else { continue }
                output += "\(stage)\n"
                for rule in inStage {
                    let source = rule.origin.map { $0.file == "builtin-rules.yaml" ? "built-in" : $0.description } ?? "built-in"
                    output += "  \(rule.id)  [\(rule.scope); \(source)]\n"
                    for (key, value) in rule.matchers {
                        output += "    \(key): \(RulesCommand.clip(value))\n"
                    }
                }
            }
            for entry in set.scopedDisables {
                let scope = Rule(id: "", stage: "", hosts: entry.hosts, urls: entry.urls).scope
                output += "disabled on \(scope): \(entry.ids.joined(separator: ", "))  [\(entry.origin)]\n"
            }
            writeOutput(output)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule files without cleaning anything; exit 9 with the file, line and reason of every error.")

        @Argument(help: "Rule files to check, together with the built-in rules.")
        var files: [String]

        func run() throws {
            var options = RuleOptions()
            options.files = files
            let set = try RulesCommand.ruleSet(options)
            for file in files {
                let count = set.rules.filter { $0.origin?.file == file }.count
                writeOutput("\(file): OK, \(count) rule\(count == 1 ? "" : "s")\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One rule in full, as its file writes it.")

        @Argument(help: "The rule's id.")
        var id: String

        @OptionGroup var rules: RuleOptions

        func run() throws {
            let set = try RulesCommand.ruleSet(rules)
            guard let rule = set.rule(withID: id) else {
                printError("no rule with id '\(id)' (see `winnow rules list`)")
                throw ExitCode(1)
            }
            var output = "id: \(rule.id)\nstage: \(rule.stage)\n"
            if !rule.hosts.isEmpty { output += "hosts: [\(rule.hosts.joined(separator: ", "))]\n" }
            if !rule.urls.isEmpty { output += "urls: [\(rule.urls.map(\.source).joined(separator: ", "))]\n" }
            if !rule.pageTypes.isEmpty { output += "page-types: [\(rule.pageTypes.map(\.rawValue).joined(separator: ", "))]\n" }
            if let description = rule.description { output += "description: \(description)\n" }
            for (key, value) in rule.matchers { output += "\(key): \(value)\n" }
            output += "defined in: \(rule.origin?.description ?? "built-in")\n"
            writeOutput(output)
        }
    }

    static func clip(_ text: String, to length: Int = 100) -> String {
        text.count > length ? String(text.prefix(length)) + "…" : text
    }
}
