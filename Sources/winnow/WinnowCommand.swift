import ArgumentParser

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Clean scraped HTML pages into articles, metadata and reader comments.",
        // `clean` is the default subcommand, so `winnow --help` is where
        // most people look for what its exit codes mean.
        discussion: WinnowExit.helpText,
        subcommands: [CleanCommand.self, ExplainCommand.self, RulesCommand.self, TestCommand.self, EvalCommand.self, BenchCommand.self],
        defaultSubcommand: CleanCommand.self
    )
}
