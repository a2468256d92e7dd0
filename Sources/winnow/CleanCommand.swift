import ArgumentParser
import CMalloc
import Foundation
import Winnow

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean one page (or several) and print the article.",
        discussion: """
            With one input the article is printed in the chosen format. With several, \
            each is printed as one JSON line (JSON Lines), errors as \
            {"input": ..., "error": {"kind", "message"}} records.

            \(WinnowExit.helpText)
            """
    )

    @Argument(help: "HTML files to clean; '-' or nothing reads standard input.")
    var inputs: [String] = []

    @Option(help: "The page's URL (for host rules and the output's url).")
    var url: String?

    @Option(help: "The charset the page was served with; the bytes can overrule it.")
    var charset: String?

    @Option(help: "Output format: json, text or markdown.")
    var format: OutputFormatArgument = .json

    @Flag(help: "Include the removal log (stage, rule, excerpt, chars) in the output.")
    var explain = false

    @Flag(help: "Indent the JSON output.")
    var pretty = false

    @Flag(help: "Text and Markdown: start with the metadata (Markdown: YAML front matter; text: 'Key: value' lines).")
    var withMetadata = false

    @Flag(help: "Markdown: keep the article's links, as [text](url), URLs made absolute.")
    var links = false

    @Flag(help: "Text and Markdown: append the reader comments (author, date, replies indented).")
    var comments = false

    @Flag(help: "Do not read reader comments (their sections are still dropped from the article).")
    var noComments = false

    @Flag(help: "Keep each comment's byline and date lines in its text, as the page shows them (they are in author and published either way).")
    var commentHeaders = false

    @Option(help: PageType.optionHelp)
    var pageType: PageType?

    @Option(name: .customLong("max-bytes"), help: "Largest page (bytes; k, M, G or KiB, MiB, GiB), as batch's; larger ones exit 7.")
    var maxBytes = ByteCount(bytes: CleanerOptions.defaultMaximumBytes)

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if inputs.count > 1, format != .json {
            throw ValidationError("several inputs are written as JSON Lines: use --format json")
        }
        try CharsetArgument.validate(charset)
        // The JSON always holds the metadata and the comments, and its text
        // and blocks never hold links: these shape only what a reader sees.
        if format == .json, let option = [(withMetadata, "--with-metadata"), (comments, "--comments")].first(where: \.0)?.1 {
            throw ValidationError("\(option) shapes text and Markdown output: use --format text or markdown")
        }
        if links, format != .markdown {
            throw ValidationError("--links keeps links in Markdown: use --format markdown")
        }
        if comments, noComments {
            throw ValidationError("--comments and --no-comments contradict each other")
        }
    }

    func run() throws {
        let cleaner = try rules.cleaner(options: CleanerOptions(
                explain: explain, charset: charset, maximumBytes: maxBytes.bytes, readsComments: !noComments,
                keepsCommentHeaders: commentHeaders, pageType: pageType, keepsLinks: links))
        let paths = inputs.isEmpty ? ["-"] : inputs
        let notice = AddressScopedRulesNotice(rules: cleaner.rules, remedy: "give it with --url", isOneOfMany: paths.count > 1)
        if paths.count == 1 {
            do {
                let input = PageInput(path: paths[0])
                let article = try cleanOne(input, with: cleaner)
                // The page's tree and copies are freed by now, but glibc keeps
                // their memory for the next requests; handed back, the
                // article's text and JSON are not added on top of it (60 MB
                // of paragraphs: peak RSS 287 -> 260 MB; docs/batch.md).
                _ = winnow_return_free_memory()
                notice.check(article, name: input.displayName)
                if format == .json {
                    // Written as it is made: a large page's article is never
                    // held whole as text.
                    article.json.write(pretty: pretty) { writeOutput(bytes: $0) }
                    writeOutput("\n")
                } else {
                    let rendering = RenderingOptions(includesMetadata: withMetadata, includesLinks: links, includesComments: comments)
                    writeOutput(article.rendered(as: format.value, pretty: pretty, options: rendering) + "\n")
                }
            } catch {
                printError(error.message)
                throw error.exitCode
            }
            return
        }
        var failures = 0
        for path in paths {
            let input = PageInput(path: path)
            let record: JSONValue
            do {
                let article = try cleanOne(input, with: cleaner)
                notice.check(article, name: input.displayName)
                guard case .object(let members) = article.json else { continue }
                record = .object([("input", .string(input.displayName))] + members)
            } catch {
                failures += 1
                printError(error.message)
                record = .object([
                    ("input", .string(input.displayName)),
                    ("error", .object([("kind", .string(error.kind)), ("message", .string(error.message))])),
                ])
            }
            writeOutput(record.serialized() + "\n")
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func cleanOne(_ input: PageInput, with cleaner: Cleaner) throws(PageFailure) -> Article {
        let bytes = try input.read(limit: cleaner.options.maximumBytes)
        do {
            return try cleaner.clean(bytes: consume bytes, url: url.flatMap { $0.isEmpty ? nil : $0 })
        } catch let error as CleanerError {
            throw PageFailure(error, input: input.displayName)
        } catch {
            throw PageFailure(kind: "internal", message: "\(input.displayName): \(error)", exitCode: ExitCode(1))
        }
    }
}

/// `--charset`: a label of the WHATWG Encoding Standard, or a usage error
/// (a label nobody knows was ignored, and the page read as its bytes said).
enum CharsetArgument {
    static func validate(_ label: String?) throws {
        guard let label, !CharsetDecoder.recognizes(label: label) else { return }
        throw ValidationError(
            "unknown charset '\(label)': give a label of the WHATWG Encoding Standard (utf-8, windows-1252, windows-1251, shift_jis, gbk, euc-kr, …)")
    }
}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case json, text, markdown

    var value: OutputFormat {
        switch self {
        case .json: return .json
        case .text: return .text
        case .markdown: return .markdown
        }
    }
}
