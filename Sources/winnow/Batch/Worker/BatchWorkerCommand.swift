import ArgumentParser
import Foundation
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow batch-worker` (hidden): the process `winnow batch` cleans pages
/// in, one page at a time, read from standard input and answered on
/// standard output (`WorkerMessages`). A page that traps, hangs inside a
/// stage or exhausts memory takes this process down, never the batch,
/// which writes the page's error record and starts another worker.
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-worker",
        abstract: "Clean pages for 'winnow batch' (started by it; not for people).",
        shouldDisplay: false
    )

    @Option(name: .customLong("max-bytes")) var maxBytes: Int
    @Option(name: .customLong("time-limit")) var timeLimit: Double
    @Option(name: .customLong("rules")) var rules: [String] = []
    @Flag var explain = false
    @Flag var noComments = false
    @Flag var commentHeaders = false
    @Option var pageType: PageType?
    /// The batch's process id: the worker ends when it is gone.
    @Option(name: .customLong("parent")) var parent: Int32

    /// Test hook, for the batch's own tests only: `crash:TEXT` traps and
    /// `hang:TEXT` never answers on a page whose bytes contain TEXT, the
    /// two ways a page can take a worker down.
    static let faultVariable = "WINNOW_TEST_WORKER_FAULT"

    func run() throws {
        // The batch decides when to stop; a terminal's Ctrl-C reaches the
        // whole process group, and pages being cleaned are to be finished.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        BatchWorkerCommand.endWithParent(parent)

        let files: [RuleFile]
        do {
            files = try rules.map(RuleLoader.ruleFile(atPath:))
        } catch let error as RuleFileError {
            printError("bad rules: \(error.description)")
            throw WinnowExit.badRules
        }
        let options = CleanerOptions(
            explain: explain, maximumBytes: maxBytes, readsComments: !noComments, keepsCommentHeaders: commentHeaders,
            timeLimit: timeLimit > 0 ? .nanoseconds(Int64(min(timeLimit, 1e9) * 1e9)) : nil, pageType: pageType)
        let cleaner: Cleaner
        do {
            cleaner = try Cleaner(options: options, ruleFiles: files)
        } catch let error as CleanerError {
            printError(error.description)
            throw WinnowExit.code(for: error)
        }
        let fault = ProcessInfo.processInfo.environment[BatchWorkerCommand.faultVariable].flatMap(Fault.init)
        var cleaning = PageCleaning(base: cleaner)
        guard WorkerMessages.write(STDOUT_FILENO, [WorkerMessages.ready]) else { return }
        while case .fields(var fields) = WorkerMessages.read(STDIN_FILENO, fields: WorkerMessages.pageFields, deadline: nil) {
            let name = fields[0].map { String(decoding: $0, as: UTF8.self) } ?? ""
            let url = fields[1].map { String(decoding: $0, as: UTF8.self) }
            let charset = fields[2].map { String(decoding: $0, as: UTF8.self) }
            let provenance = fields[4] ?? []
            // The page moves out of the message: one copy of it, not two.
            let bytes = fields[3].take() ?? []
            fields = []
            fault?.strike(on: bytes)
            let pageSize = bytes.count
            // The cleaner takes the page over and parses it in place.
            switch cleaning.clean(bytes: consume bytes, url: url, charset: charset, name: name) {
            case .article(let json, let hasAddress) where pageSize <= BatchWorkerCommand.heldLinePageLimit:
                // A small page's line is written into one buffer and sent
                // with its length: the line's length is known without the
                // measuring pass over the article (0.076 G instructions of
                // the worker's 11.5 G on 200 devset pages).
                var line: [UInt8] = []
                line.reserveCapacity(provenance.count + BatchWorkerCommand.heldLineReserve)
                BatchRecord.writeLine(head: provenance, body: json) { line.append(contentsOf: $0) }
                guard WorkerMessages.write(STDOUT_FILENO, [hasAddress ? nil : WorkerMessages.withoutAddress, line])
                else { return }
            case .article(let json, let hasAddress):
                // The record's line, written as it is made: a large page's
                // article is never held whole as text.
                guard WorkerMessages.write(STDOUT_FILENO, [hasAddress ? nil : WorkerMessages.withoutAddress]),
                    WorkerMessages.writeField(
                        STDOUT_FILENO, length: BatchRecord.lineLength(head: provenance, body: json),
                        { BatchRecord.writeLine(head: provenance, body: json, to: $0) })
                else { return }
            case .error(let kind, let message):
                guard WorkerMessages.write(STDOUT_FILENO, [Array(kind.utf8), Array(message.utf8)]) else { return }
            }
        }
    }

    /// Pages up to this size have their record's line held whole before
    /// it is sent (its length then costs nothing); a larger page's line is
    /// measured, then written in pieces, never held.
    static let heldLinePageLimit = 1 << 20
    /// Room reserved for a held line past its provenance: most devset
    /// records are under 64 KiB (16 KB on average); longer ones grow it.
    static let heldLineReserve = 1 << 16

    /// Ends this process when the batch is gone (killed, say), even while
    /// a page holds the main thread: a worker stuck in a page would
    /// otherwise outlive it.
    static func endWithParent(_ parent: Int32) {
        let watch = Thread {
            while true {
                if getppid() != parent { _exit(0) }
                sleep(1)
            }
        }
        watch.start()
    }

    struct Fault {
        let crashes: Bool
        let marker: [UInt8]

        init?(_ text: String) {
            if text.hasPrefix("crash:") {
                crashes = true
            } else if text.hasPrefix("hang:") {
                crashes = false
            } else {
                return nil
            }
            marker = Array(text.drop { $0 != ":" }.dropFirst().utf8)
            guard !marker.isEmpty else { return nil }
        }

        func strike(on bytes: [UInt8]) {
            guard bytes.count >= marker.count,
                (0...(bytes.count - marker.count)).contains(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
            else { return }
            if crashes { preconditionFailure("\(BatchWorkerCommand.faultVariable): crash on a marked page") }
            while true { sleep(60) }
        }
    }
}
