import ArgumentParser

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Clean scraped HTML pages into articles, metadata and reader comments.",
        subcommands: [CleanCommand.self, BenchCommand.self],
        defaultSubcommand: CleanCommand.self
    )
}
