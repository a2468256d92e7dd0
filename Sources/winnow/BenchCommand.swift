import ArgumentParser
import Foundation
import Winnow

/// Times the pipeline against libxml2's parse alone, on one core, over
/// pages held in memory, so the figures are the library's and not the
/// disk's or the process start's.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time cleaning against parsing alone over HTML files or folders (one core, in memory)."
    )

    @Argument(help: "HTML files, or folders searched recursively for *.html and *.html.gz.")
    var paths: [String]

    @Option(help: "Passes over the corpus; the fastest pass is reported.")
    var repeats = 3

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let pages = try BenchCommand.loadPages(paths)
        guard !pages.isEmpty else { throw ValidationError("no .html or .html.gz files found") }
        let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1_000_000
        let cleaner = try rules.cleaner(options: CleanerOptions())

        var parseSeconds = Double.infinity
        var cleanSeconds = Double.infinity
        var failures = 0
        var breakdown: StageTimings? = StageTimings()
        for page in pages { _ = try? cleaner.clean(bytes: page, timings: &breakdown) }
        for _ in 0..<max(repeats, 1) {
            parseSeconds = min(parseSeconds, BenchCommand.time {
                for page in pages { _ = try? Cleaner.parseOnly(bytes: page) }
            })
            failures = 0
            cleanSeconds = min(cleanSeconds, BenchCommand.time {
                for page in pages where (try? cleaner.clean(bytes: page)) == nil { failures += 1 }
            })
        }
        func line(_ label: String, _ seconds: Double) -> String {
            String(format: "%@ %8.3f s  %8.1f pages/s  %7.2f MB/s", label, seconds, Double(pages.count) / seconds, megabytes / seconds)
        }
        writeOutput(String(format: "pages: %d (%.1f MB), failures: %d\n", pages.count, megabytes, failures))
        writeOutput(line("parse only (decode + libxml2):", parseSeconds) + "\n")
        writeOutput(line("full pipeline:                ", cleanSeconds) + "\n")
        writeOutput(String(format: "pipeline / parse: %.2fx\n", cleanSeconds / parseSeconds))
        writeOutput(String(format: "peak RSS: %.1f MB\n", BenchCommand.peakResidentMegabytes()))
        if let breakdown {
            writeOutput("time by step (one pass):\n")
            for step in breakdown.order {
                let seconds = breakdown.seconds[step] ?? 0
                writeOutput(String(format: "  %-28@ %7.3f s\n", step as NSString, seconds))
            }
        }
    }

    static func loadPages(_ paths: [String]) throws -> [[UInt8]] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let relative = enumerator?.nextObject() as? String {
                    if relative.hasSuffix(".html") || relative.hasSuffix(".html.gz") { files.append(path + "/" + relative) }
                }
            } else {
                files.append(path)
            }
        }
        // Stored pages are inflated here, outside the timed passes: the
        // bench times cleaning, not reading.
        return try files.sorted().compactMap { file -> [UInt8]? in
            guard let stored = FileManager.default.contents(atPath: file) else { return nil }
            do {
                return try GzippedPage.inflatedIfGzipped([UInt8](stored), name: file, limit: Int.max)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    static func time(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
