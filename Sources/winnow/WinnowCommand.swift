import ArgumentParser
import Foundation

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Clean scraped HTML pages into articles, metadata and reader comments.",
        // `clean` is the default subcommand, so `winnow --help` is where
        // most people look for what its exit codes mean.
        discussion: WinnowExit.helpText,
        subcommands: [
            CleanCommand.self, BatchCommand.self, ExplainCommand.self, RulesCommand.self, TestCommand.self, EvalCommand.self,
            BenchCommand.self, BatchWorkerCommand.self,
        ],
        defaultSubcommand: CleanCommand.self
    )

    /// Argument parsing as usual, except that `batch` reports usage errors
    /// with exit code 2, as scripts running batches expect (`clean` keeps
    /// its documented 64).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
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
}
