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
        /// How the cleaning workers are started.
        let workerLaunch: CleaningWorker.Launch
        /// Nanoseconds a worker may take over one page before it is killed
        /// (nil: no limit): past `--time-limit`, which the pipeline reads
        /// only between stages, so a page stuck inside a stage is stopped.
        let hardTimeLimit: UInt64?
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
        /// The page was handed to its worker (and its bytes let go).
        case handedOver
    }

    private struct Job: Sendable {
        let sequence: Int
        var work: Work
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
        /// No worker could be started: the batch stops.
        case fatal(String)
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
    private let window: TokenWindow
    private let windowSize: Int
    private let stop = Stop()
    private let workers = WorkerRegistry()
    let interrupts: InterruptSignals
    private let addressNotice: AddressScopedRulesNotice

    init(settings: Settings, counters: BatchCounters, interrupts: InterruptSignals) {
        self.settings = settings
        self.counters = counters
        // Two jobs queued per worker keep every core busy; the rest of the
        // window absorbs a slow page holding back the ones after it.
        windowSize = settings.jobs * 8 + 8
        jobQueue = BlockingQueue(capacity: settings.jobs * 2)
        messages = BlockingQueue(capacity: windowSize + 64)
        window = TokenWindow(tokens: windowSize)
        addressNotice = AddressScopedRulesNotice(
            rules: settings.cleaner.rules, remedy: "batch reads URLs from JSON Lines and WARC records", isOneOfMany: true)
        let messages = self.messages
        let stop = self.stop
        self.interrupts = interrupts
        interrupts.onSignal {
            stop.request()
            messages.push(.wake)
        }
    }

    /// Runs the batch to its end (or its interruption) and closes `sink`.
    func run(into sink: RecordSink) -> Outcome {
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
                guard window.take(), !stop.requested else { break }
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
        let settings = self.settings
        let workers = self.workers
        let notice = addressNotice
        let thread = Thread {
            let worker = CleaningWorker(launch: settings.workerLaunch, registry: workers)
            while var job = jobQueue.pop() {
                if stop.requested {
                    messages.push(
                        .result(Result(sequence: job.sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)))
                    continue
                }
                do throws(CleaningWorker.StartFailure) {
                    messages.push(
                        .result(try BatchRunner.process(
                            &job, in: worker, registry: workers, hardTimeLimit: settings.hardTimeLimit, notice: notice)))
                } catch {
                    stop.request()
                    messages.push(.fatal(error.message))
                    messages.push(
                        .result(Result(sequence: job.sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)))
                }
            }
            worker.stop()
        }
        thread.start()
    }

    private static func process(
        _ job: inout Job, in worker: CleaningWorker, registry: WorkerRegistry, hardTimeLimit: UInt64?,
        notice: AddressScopedRulesNotice
    ) throws(CleaningWorker.StartFailure) -> Result {
        switch job.work {
        case .handedOver:
            return Result(sequence: job.sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)
        case .failure(let provenance, let error):
            return Result(
                sequence: job.sequence, line: BatchRecord.error(provenance, kind: error.kind, message: error.message),
                errorKind: error.kind, pageBytes: 0, outputName: job.outputName)
        case .page(var record):
            // The job lets go of the page, and the worker takes it: the
            // batch holds no copy while the page is cleaned.
            job.work = .handedOver
            let pageBytes = record.bytes.count
            let name = BatchRecord.displayName(record.provenance)
            let deadline = hardTimeLimit.map { WorkerMessages.uptimeNanoseconds() + $0 }
            let line: [UInt8]
            var errorKind: String?
            switch try worker.clean(
                name: name, url: record.url, charset: record.charset, bytes: &record.bytes,
                head: BatchRecord.head(record.provenance), deadline: deadline)
            {
            case .cleaned(nil, let recordLine):
                line = recordLine
            case .cleanedWithoutAddress(let recordLine):
                notice.reportMissingAddress(name: name)
                line = recordLine
            case .cleaned(let kind?, let message):
                errorKind = kind
                line = BatchRecord.error(record.provenance, kind: kind, message: String(decoding: message, as: UTF8.self))
            case .died where registry.killedAll:
                // A second interrupt: the batch stops without this page.
                return Result(sequence: job.sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)
            case .died(let how):
                errorKind = "internal"
                let message = "\(name): the worker cleaning this page \(how); this is a bug in Winnow ('winnow clean' on the page shows where)"
                printError(message)
                line = BatchRecord.error(record.provenance, kind: "internal", message: message)
            case .timedOut:
                errorKind = "time-limit"
                let seconds = hardTimeLimit.map { String(format: "%.1f", Double($0) / 1e9) } ?? "?"
                line = BatchRecord.error(
                    record.provenance, kind: "time-limit",
                    message: "\(name): still cleaning after \(seconds) s, inside a stage; its worker was stopped")
            }
            return Result(
                sequence: job.sequence, line: line, errorKind: errorKind, pageBytes: pageBytes, outputName: job.outputName)
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
                if interrupts.isUrgent || fatal != nil {
                    workers.killAll()
                    break
                }
                if received == counters.issuedCount { break }
            }
            guard let message = messages.pop() else { break }
            switch message {
            case .readerDone(let count):
                issued = count
            case .wake:
                continue
            case .fatal(let message):
                fatal = fatal ?? message
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
                window.give()
            }
        }
        // A reader waiting for a token stops now, not never.
        window.close()
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
