import ArgumentParser
import Foundation
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow batch`: clean a whole crawl on all cores, one output record per
/// input record.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Clean many pages: HTML files, directories, JSON Lines and WARC files, on all cores.",
        discussion: """
            Inputs are read in order. A directory is walked recursively for files matching \
            --glob (symbolic links followed, loops reported). *.jsonl and *.ndjson files (and \
            '-', standard input) hold one {"url": ..., "html": ...} object a line; other members \
            are copied to the record's "fields" untouched. *.warc files, plain or gzip (.warc.gz, \
            member after member), give their 'response' records with an HTML Content-Type (HTTP \
            status 2xx; charset, chunked transfer coding and gzip/deflate Content-Encoding \
            honoured); other records are counted as skipped, by reason. Standard input is told \
            apart by its first bytes (WARC or JSON Lines, gzip or not), or named with --input-name \
            NAME and read as a file of that name would be.

            Every input record gives exactly one output record, in input order (--unordered: \
            as they finish): the article, or {"error": {"kind", "message"}}, after the record's \
            provenance: "input", "line" (JSON Lines), "offset" (WARC, in the decompressed \
            stream), "warc_record_id", "target_uri", "warc_date" (null where they do not apply). \
            A bad record never stops the batch.

            Progress is shown on standard error when it is a terminal; a summary line is always \
            printed there at the end (--stats FILE: the same as JSON). On SIGINT or SIGTERM the \
            reading stops, pages being cleaned are finished and written, the rest is dropped, \
            and the output is closed well-formed (whole lines, a finished gzip member); a second \
            signal stops without waiting. --resume then skips the records already in the output.

            Exit codes: 0 every record succeeded; 1 some records failed (as --fail-on-error \
            decides: any, never, or more than N%), or the output could not be written; 2 usage \
            errors (bad options, an output that cannot be opened); 9 bad rule files (checked \
            before any input is read); 130/143 interrupted by SIGINT/SIGTERM.
            """
    )

    @Argument(help: "HTML files, directories, .jsonl/.ndjson[.gz] files, .warc[.gz] files, or '-' for standard input.")
    var inputs: [String]

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write JSON Lines to FILE ('.gz': compressed) instead of standard output.")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Write one JSON file per record under DIR, named after its input path or URL.")
    var outputDirectory: String?

    @Option(name: [.short, .long], help: "Pages cleaned at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: PageType.optionHelp)
    var pageType: PageType?

    @Flag(help: "Write records as they finish, not in input order.")
    var unordered = false

    @Option(name: .customLong("glob"), help: "Files a directory walk takes (repeatable; default *.html and *.htm). A pattern with '/' matches the path relative to the directory.")
    var globs: [String] = []

    @Option(name: .customLong("input-name"), help: ArgumentHelp(
        "Call standard input ('-') NAME in records and messages, and tell its format by NAME's extension (.warc, .jsonl, .ndjson, optionally .gz) as a file's.",
        valueName: "NAME"))
    var inputName: String?

    @Option(name: .customLong("url-field"), help: "JSON Lines member holding the page's URL.")
    var urlField = "url"

    @Option(name: .customLong("html-field"), help: "JSON Lines member holding the page's HTML.")
    var htmlField = "html"

    @Option(name: .customLong("max-bytes"), help: "Largest page (bytes; k, M, G or KiB, MiB, GiB); larger ones are error records.")
    var maxBytes = ByteCount(bytes: CleanerOptions.defaultMaximumBytes)

    @Option(name: .customLong("time-limit"), help: "Seconds one page may take, checked between stages (0: none); slower pages are error records.")
    var timeLimit: Double = 30

    @Option(name: .customLong("fail-on-error"), help: "When failed records make the exit code 1: any, never, or N% (more than N% of the records).")
    var failOnError: FailurePolicy = .any

    @Option(help: "Write the summary as JSON to FILE.")
    var stats: String?

    @Flag(help: "Skip the records already in the output file or directory (same inputs, same order).")
    var resume = false

    @Flag(help: "Include the removal log in each article.")
    var explain = false

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Do not read reader comments.")
    var noComments = false

    @Flag(help: "Keep each comment's byline and date lines in its text.")
    var commentHeaders = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard output == nil || outputDirectory == nil else {
            throw ValidationError("--output and --output-dir cannot be used together")
        }
        if resume, output == nil || output == "-", outputDirectory == nil {
            throw ValidationError("--resume needs --output FILE or --output-dir DIR")
        }
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be 0 or more seconds") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input ('-') can be read once") }
        guard !globs.contains(where: \.isEmpty) else { throw ValidationError("--glob cannot be empty") }
        if let inputName {
            guard inputs.contains("-") else { throw ValidationError("--input-name names standard input: give '-' as an input") }
            guard !inputName.isEmpty else { throw ValidationError("--input-name cannot be empty") }
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        // A closed pipe on standard output is an error to report, not a
        // silent death.
        signal(SIGPIPE, SIG_IGN)
        // Before anything else: SIGINT or SIGTERM from now on stops the
        // batch cleanly, even while the rules load.
        let interrupts = InterruptSignals()
        interrupts.install()

        // Rule files are checked before any input is read (exit 9 when bad).
        let cleaner = try ruleOptions.cleaner(
            options: CleanerOptions(
                explain: explain, maximumBytes: maxBytes.bytes, readsComments: !noComments, keepsCommentHeaders: commentHeaders,
                timeLimit: timeLimit > 0 ? .nanoseconds(Int64(min(timeLimit, 1e9) * 1e9)) : nil, pageType: pageType))
        // libxml2 sets up its global state on first use; do it here, on one
        // thread, before the workers parse at once.
        _ = try? cleaner.clean(bytes: Array("<html><body><p>warm-up</p></body></html>".utf8))

        let sink: RecordSink
        var resumeKeys: Set<String> = []
        do {
            if let outputDirectory {
                sink = try DirectorySink(root: outputDirectory)
            } else if let output, output != "-" {
                if resume {
                    do {
                        resumeKeys = try ResumeIndex.load(outputFile: output)
                    } catch {
                        printError(error.message)
                        throw ExitCode(2)
                    }
                }
                sink = try StreamSink.open(path: output, append: resume)
            } else {
                sink = StreamSink(descriptor: STDOUT_FILENO, name: "<stdout>", gzip: false)
            }
        } catch let error as SinkError {
            printError(error.message)
            throw ExitCode(2)
        }

        let counters = BatchCounters()
        let settings = BatchRunner.Settings(
            inputs: inputs,
            inputOptions: BatchInputOptions(
                maximumBytes: maxBytes.bytes, fields: JSONLinesFields(url: urlField, html: htmlField),
                globs: globs.isEmpty ? BatchInputOptions.defaultGlobs : globs, standardInputName: inputName),
            cleaner: cleaner, jobs: jobs, ordered: !unordered, resumeKeys: resumeKeys,
            outputDirectory: outputDirectory, resume: resume, workerLaunch: try workerLaunch(),
            hardTimeLimit: timeLimit > 0
                ? UInt64(min(timeLimit * BatchCommand.hardLimitFactor + BatchCommand.hardLimitMargin, 1e9) * 1e9) : nil)
        let progress = ProgressLine.isWanted
            ? ProgressLine(counters: counters, start: start, totalInputBytes: BatchCommand.totalBytes(of: inputs)) : nil
        progress?.begin()
        let outcome = BatchRunner(settings: settings, counters: counters, interrupts: interrupts).run(into: sink)
        progress?.end()

        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let summary = BatchSummary(
            counts: outcome.counts, elapsed: elapsed, interruptedBy: outcome.interruptedBy, unwritten: outcome.unwritten)
        if let fatal = outcome.fatal { printError(fatal) }
        printError(summary.line)
        if let stats {
            do {
                try Data(summary.json.utf8).write(to: URL(fileURLWithPath: stats))
            } catch {
                printError("\(stats): cannot write the statistics: \(error.localizedDescription)")
            }
        }
        if let signal = outcome.interruptedBy { throw ExitCode(128 + signal) }
        if outcome.fatal != nil { throw ExitCode(1) }
        if failOnError.fails(errors: outcome.counts.errorCount, records: outcome.counts.records) { throw ExitCode(1) }
    }

    /// A page still cleaning after twice `--time-limit` and a second is
    /// stopped by killing its worker. The pipeline reads the clock only
    /// between stages, from the end of the parse: the factor leaves room
    /// for the stage a page is in when its time is up, the second for the
    /// page's transfer and parse (a 20 MB page parses in about 0.5 s) even
    /// under a tiny limit.
    static let hardLimitFactor = 2.0
    static let hardLimitMargin = 1.0

    /// How `winnow batch-worker` is started: this executable, with the
    /// cleaning options of this batch. Every option that changes how a page
    /// is cleaned (`CleanerOptions`) goes to the workers here: they clean,
    /// the batch only reads and writes (BatchWorkerTests checks that a
    /// batch and `clean` agree under each).
    func workerLaunch() throws -> CleaningWorker.Launch {
        guard let executable = BatchCommand.executablePath() else {
            printError("cannot find this program's own executable to start cleaning workers")
            throw ExitCode(2)
        }
        var arguments = [
            BatchWorkerCommand.configuration.commandName!, "--max-bytes", "\(maxBytes.bytes)", "--time-limit", "\(timeLimit)",
            "--parent", "\(getpid())",
        ]
        if explain { arguments.append("--explain") }
        if noComments { arguments.append("--no-comments") }
        if commentHeaders { arguments.append("--comment-headers") }
        if let pageType { arguments += ["--page-type", pageType.rawValue] }
        // WINNOW_RULES is read here, once: the workers get every rule file
        // as an argument, and no WINNOW_RULES to add it again.
        for path in ruleOptions.paths { arguments += ["--rules", path] }
        var environment = ProcessInfo.processInfo.environment
        environment["WINNOW_RULES"] = nil
        // A worker's crash is reported by the batch in one line; the Swift
        // runtime's backtrace (a hundred lines a crash) is left to
        // 'winnow clean' on the page, unless asked for.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        return CleaningWorker.Launch(
            executable: executable, arguments: arguments, environment: environment.map { "\($0.key)=\($0.value)" })
    }

    static func executablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }

    /// The inputs' total size when every one is a regular file (else the
    /// progress line has no ETA).
    static func totalBytes(of inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            var status = stat()
            guard input != "-", stat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int(status.st_size)
        }
        return total
    }
}
