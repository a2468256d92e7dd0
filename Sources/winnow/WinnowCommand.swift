import ArgumentParser
import Foundation
import Winnow

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Clean scraped HTML pages into articles, metadata and reader comments.",
        // `clean` is the default subcommand, so `winnow --help` is where
        // most people look for what its exit codes mean.
        discussion: WinnowExit.helpText,
        version: WinnowVersion.description,
        subcommands: [
            CleanCommand.self, BatchCommand.self, ExplainCommand.self, RulesCommand.self, TestCommand.self, EvalCommand.self,
            BenchCommand.self, BatchWorkerCommand.self,
        ],
        defaultSubcommand: CleanCommand.self
    )

    /// Argument parsing as usual, except that `batch` reports usage errors
    /// with exit code 2, as scripts running batches expect (`clean` keeps
    /// its documented 64), and that a first word that is neither a
    /// subcommand nor a file is a mistyped subcommand, not a missing page.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommandMessage(first) {
            printError(message)
            Foundation.exit(WinnowExit.badArguments.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if arguments.first == "batch", exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// The subcommands' names, as typed.
    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// Why `word`, the first argument, cannot be run, when it looks like a
    /// subcommand (a bare word: no `/`, no `.`, no leading `-`) but is none
    /// and names no file; nil otherwise. `winnow PAGE.html` stays a
    /// shortcut for `winnow clean PAGE.html`, and a missing `PAGE.html` is
    /// still "no such file".
    static func unknownSubcommandMessage(_ word: String) -> String? {
        guard !word.isEmpty, !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
            !subcommandNames.contains(word), word != "help", !FileManager.default.fileExists(atPath: word)
        else { return nil }
        // The root's own options are candidates too: `winnow version`
        // means `winnow --version`.
        let options = ["version", "help"]
        if let nearest = NearestName.nearest(to: word, among: subcommandNames + options) {
            return "no such subcommand '\(word)'; did you mean `winnow \(options.contains(nearest) ? "--" + nearest : nearest)`?"
        }
        return "no such subcommand '\(word)' (subcommands: \(subcommandNames.joined(separator: ", ")); "
            + "a page file is cleaned with `winnow clean FILE`)"
    }
}
