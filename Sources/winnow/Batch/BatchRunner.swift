import Foundation
import Winnow

/// Runs a batch on threads: one reader turns the inputs into numbered
/// jobs, `jobs` workers clean one page each at a time, and the writer (the
/// calling thread) puts the finished records back in input order and
/// writes them.
///
/// Memory is bounded by the window: the reader takes a token before each
/// job and the writer gives it back once the record is written, so at most
/// `window` records exist at once (queued, being cleaned, or waiting for
/// an earlier one), however large the input.
final class BatchRunner {
    struct Settings: Sendable {
        let inputs: [String]
        let inputOptions: BatchInputOptions
        let cleaner: Cleaner
        let jobs: Int
        let ordered: Bool
        /// Records already in the output (`--resume`), by key.
        let resumeKeys: Set<String>
        /// `--output-dir`: records are named, and with `--resume` a record
        /// whose file exists is already done.
        let outputDirectory: String?
        let resume: Bool
    }

    struct Outcome {
        let counts: BatchCounters.Snapshot
        let interruptedBy: Int32?
        let unwritten: Int
        /// Why the output failed, when it did (the batch stopped there).
        let fatal: String?
    }

    private enum Work: Sendable {
        case page(PageRecord)
        case failure(Provenance, InputError)
    }

    private struct Job: Sendable {
        let sequence: Int
        let work: Work
        let outputName: String?
    }

    private struct Result: Sendable {
        let sequence: Int
        /// Nil when the job was dropped (interrupt) before it started.
        let line: [UInt8]?
        let errorKind: String?
        let pageBytes: Int
        let outputName: String?
    }

    private enum Message: Sendable {
        case result(Result)
        case readerDone(issued: Int)
        case wake
    }

    /// Flags the reader and the workers read to stop early.
    private final class Stop: @unchecked Sendable {
        private let lock = NSLock()
        private var stopping = false
        var requested: Bool { lock.withLock { stopping } }
        func request() { lock.withLock { stopping = true } }
    }

    let settings: Settings
    let counters: BatchCounters
    private let jobQueue: BlockingQueue<Job>
    private let messages: BlockingQueue<Message>
    private let window: DispatchSemaphore
    private let windowSize: Int
    private let stop = Stop()
    private(set) var interrupts: InterruptSignals!
    private let addressNotice: AddressScopedRulesNotice

    init(settings: Settings, counters: BatchCounters) {
        self.settings = settings
        self.counters = counters
        // Two jobs queued per worker keep every core busy; the rest of the
        // window absorbs a slow page holding back the ones after it.
        windowSize = settings.jobs * 8 + 8
        jobQueue = BlockingQueue(capacity: settings.jobs * 2)
        messages = BlockingQueue(capacity: windowSize + 64)
        window = DispatchSemaphore(value: windowSize)
        addressNotice = AddressScopedRulesNotice(
            rules: settings.cleaner.rules, remedy: "batch reads URLs from JSON Lines and WARC records", isOneOfMany: true)
        let messages = self.messages
        let stop = self.stop
        interrupts = InterruptSignals {
            stop.request()
            messages.push(.wake)
        }
    }

    /// Runs the batch to its end (or its interruption) and closes `sink`.
    func run(into sink: RecordSink) -> Outcome {
        interrupts.install()
        startReader()
        for _ in 0..<settings.jobs { startWorker() }
        return write(into: sink)
    }

    // MARK: - Reader

    private func startReader() {
        let settings = self.settings
        let counters = self.counters
        let jobQueue = self.jobQueue
        let messages = self.messages
        let window = self.window
        let stop = self.stop
        let thread = Thread {
            let input = BatchInput(paths: settings.inputs, options: settings.inputOptions)
            var naming = OutputNaming()
            var sequence = 0
            while !stop.requested, let read = input.next() {
                let work: Work
                let provenance: Provenance
                switch read.item {
                case .skipped(let reason):
                    counters.skipped(reason)
                    counters.read(inputBytes: input.bytesConsumed)
                    continue
                case .page(let record):
                    work = .page(record)
                    provenance = record.provenance
                case .failure(let failedProvenance, let error):
                    work = .failure(failedProvenance, error)
                    provenance = failedProvenance
                }
                let outputName = settings.outputDirectory.map { _ in
                    naming.name(for: provenance, relativePath: read.relativePath)
                }
                if settings.resume {
                    let done: Bool
                    if let directory = settings.outputDirectory, let outputName {
                        done = FileManager.default.fileExists(atPath: DirectorySink.join(directory, outputName))
                    } else {
                        done = settings.resumeKeys.contains(provenance.resumeKey)
                    }
                    if done {
                        counters.skipped("already-in-output")
                        continue
                    }
                }
                window.wait()
                if stop.requested { break }
                counters.issued(inputBytes: input.bytesConsumed)
                jobQueue.push(Job(sequence: sequence, work: work, outputName: outputName))
                sequence += 1
            }
            jobQueue.close()
            messages.push(.readerDone(issued: sequence))
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    // MARK: - Workers

    private func startWorker() {
        let jobQueue = self.jobQueue
        let messages = self.messages
        let stop = self.stop
        let base = settings.cleaner
        let notice = addressNotice
        let thread = Thread {
            var cleaners: [String: Cleaner] = ["": base]
            while let job = jobQueue.pop() {
                if stop.requested {
                    messages.push(
                        .result(Result(sequence: job.sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)))
                    continue
                }
                messages.push(.result(BatchRunner.process(job, base: base, cleaners: &cleaners, notice: notice)))
            }
        }
        // libxml2's parser recurses on deep markup: the main thread's stack.
        thread.stackSize = 8 << 20
        thread.start()
    }

    private static func process(
        _ job: Job, base: Cleaner, cleaners: inout [String: Cleaner], notice: AddressScopedRulesNotice
    ) -> Result {
        switch job.work {
        case .failure(let provenance, let error):
            return Result(
                sequence: job.sequence, line: BatchRecord.error(provenance, kind: error.kind, message: error.message),
                errorKind: error.kind, pageBytes: 0, outputName: job.outputName)
        case .page(let record):
            // The transport's charset is a per-page hint: one cleaner per
            // charset seen, sharing the rules.
            let key = record.charset?.lowercased() ?? ""
            let cleaner: Cleaner
            if let cached = cleaners[key] {
                cleaner = cached
            } else {
                var options = base.options
                options.charset = record.charset ?? base.options.charset
                cleaner = Cleaner(options: options, rules: base.rules)
                cleaners[key] = cleaner
            }
            let line: [UInt8]
            var errorKind: String?
            do {
                let article = try cleaner.clean(bytes: record.bytes, url: record.url)
                notice.check(article, name: BatchRecord.displayName(record.provenance))
                line = BatchRecord.article(record.provenance, article)
            } catch let error as CleanerError {
                let failure = PageFailure(error, input: BatchRecord.displayName(record.provenance))
                errorKind = failure.kind
                line = BatchRecord.error(record.provenance, kind: failure.kind, message: failure.message)
            } catch let error as TimeLimitExceeded {
                errorKind = "time-limit"
                line = BatchRecord.error(
                    record.provenance, kind: "time-limit", message: "\(BatchRecord.displayName(record.provenance)): \(error)")
            } catch {
                errorKind = "internal"
                line = BatchRecord.error(
                    record.provenance, kind: "internal", message: "\(BatchRecord.displayName(record.provenance)): \(error)")
            }
            return Result(
                sequence: job.sequence, line: line, errorKind: errorKind, pageBytes: record.bytes.count,
                outputName: job.outputName)
        }
    }

    // MARK: - Writer

    private func write(into sink: RecordSink) -> Outcome {
        var waiting: [Int: Result] = [:]
        var nextSequence = 0
        var received = 0
        var issued: Int?
        var gap = false
        var fatal: String?

        func emit(_ result: Result) {
            guard let line = result.line, !gap, fatal == nil else {
                // In input order nothing follows a dropped record: the output
                // stays a prefix of the input, which --resume completes.
                if settings.ordered && result.line == nil { gap = true }
                return
            }
            do {
                if let problem = try sink.write(line, name: result.outputName) {
                    printError(problem)
                    counters.wrote(errorKind: "write-failed", pageBytes: result.pageBytes)
                } else {
                    counters.wrote(errorKind: result.errorKind, pageBytes: result.pageBytes)
                }
            } catch {
                fatal = error.message
                stop.request()
            }
        }

        while true {
            if let issued, received == issued { break }
            if stop.requested {
                if interrupts.isUrgent || fatal != nil { break }
                if received == counters.issuedCount { break }
            }
            guard let message = messages.pop() else { break }
            switch message {
            case .readerDone(let count):
                issued = count
            case .wake:
                continue
            case .result(let result):
                received += 1
                if settings.ordered {
                    waiting[result.sequence] = result
                    while let next = waiting.removeValue(forKey: nextSequence) {
                        emit(next)
                        nextSequence += 1
                    }
                } else {
                    emit(result)
                }
                window.signal()
            }
        }
        do {
            try sink.finish()
        } catch {
            fatal = fatal ?? error.message
        }
        let counts = counters.snapshot
        return Outcome(
            counts: counts, interruptedBy: interrupts.first, unwritten: counts.issued - counts.records, fatal: fatal)
    }
}
