import ArgumentParser
import Foundation
import Winnow

/// `winnow explain PAGE`: what cleaning removed from a page, grouped by
/// stage and rule, and with `--html` a report of the page with each
/// removed block outlined and labelled.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what cleaning removed from a page, by stage and rule; --html writes a marked-up report.",
        discussion: WinnowExit.helpText
    )

    @Argument(help: "The HTML page; '-' reads standard input.")
    var page: String

    @Option(help: "The page's URL (for host and URL rules).")
    var url: String?

    @Option(help: "The charset the page was served with; the bytes can overrule it.")
    var charset: String?

    @Option(help: ArgumentHelp("Write the page as an HTML report: removed blocks outlined and labelled.", valueName: "OUT.html"))
    var html: String?

    @Option(help: "Excerpts shown per rule.")
    var excerpts = 5

    @Option(help: PageType.optionHelp)
    var pageType: PageType?

    @Option(name: .customLong("max-bytes"), help: "Largest page (bytes; k, M, G or KiB, MiB, GiB), as batch's; larger ones exit 7.")
    var maxBytes = ByteCount(bytes: CleanerOptions.defaultMaximumBytes)

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        try CharsetArgument.validate(charset)
    }

    func run() throws {
        let cleaner = try rules.cleaner(options: CleanerOptions(explain: true, charset: charset, maximumBytes: maxBytes.bytes, pageType: pageType))
        let input = PageInput(path: page)
        let explanation: Explanation
        do {
            let bytes = try input.read(limit: cleaner.options.maximumBytes)
            explanation = try cleaner.explain(bytes: consume bytes, url: url.flatMap { $0.isEmpty ? nil : $0 })
            AddressScopedRulesNotice(rules: cleaner.rules, remedy: "give it with --url", isOneOfMany: false).check(explanation.article, name: input.displayName)
        } catch let failure as PageFailure {
            printError(failure.message)
            throw failure.exitCode
        } catch let error as CleanerError {
            let failure = PageFailure(error, input: input.displayName)
            printError(failure.message)
            throw failure.exitCode
        }
        if let html {
            do {
                try Data(explanation.reportHTML.utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                printError("\(html): cannot write the report: \(error.localizedDescription)")
                throw WinnowExit.unreadableFile
            }
        }
        writeOutput(render(explanation))
    }

    /// The log: the page type and the chosen article element, each with
    /// why; then the removals by stage and rule, up to `excerpts` each of
    /// those that took text, and those of nothing on one line per rule.
    private func render(_ explanation: Explanation) -> String {
        var output = "page type: \(explanation.article.pageType.rawValue)"
        if !explanation.pageTypeEvidence.isEmpty { output += " (" + explanation.pageTypeEvidence.joined(separator: "; ") + ")" }
        output += "\n"
        output += "article: \(explanation.mainContent ?? "none (the page has no body)")\n"
        for reason in explanation.mainContentEvidence { output += "  \(reason)\n" }
        var stage = ""
        for group in explanation.groups {
            if group.stage != stage {
                stage = group.stage
                output += "\(stage)\n"
            }
            let count = group.removals.count
            output += "  \(group.rule): \(count) block\(count == 1 ? "" : "s"), \(group.chars) chars\n"
            let withText = group.nonEmpty
            for removal in withText.prefix(excerpts) {
                output += "    \(String(format: "%6d", removal.chars))  \(removal.excerpt)\n"
            }
            if withText.count > excerpts { output += "    … \(withText.count - excerpts) more\n" }
            if let empty = group.emptySummary { output += "    \(String(format: "%6d", 0))  \(empty)\n" }
        }
        let removed = explanation.removals.reduce(0) { $0 + $1.chars }
        let article = explanation.article
        output += "\n\(explanation.removals.count) removals, \(removed) chars removed; kept \(article.blocks.count) blocks, "
            + "\(article.text.count) chars of text, \(article.comments.count) top-level comments\n"
        if let html { output += "report: \(html)\n" }
        return output
    }
}
