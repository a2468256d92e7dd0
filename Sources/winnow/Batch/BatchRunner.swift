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
            var lane = Lane(
                worker: CleaningWorker(launch: settings.workerLaunch, registry: workers), registry: workers,
                hardTimeLimit: settings.hardTimeLimit, notice: notice, deliver: { messages.push(.result($0)) })
            do throws(CleaningWorker.StartFailure) {
                while true {
                    // With a page in the worker, only a job already queued is
                    // taken (to send ahead); the page's answer is not kept
                    // waiting for the reader.
                    let job = lane.isIdle ? jobQueue.pop() : (lane.canTakeAnother && !stop.requested ? jobQueue.tryPop() : nil)
                    if var job {
                        if stop.requested {
                            messages.push(.result(BatchRunner.dropped(job.sequence)))
                        } else if let result = try lane.take(&job) {
                            messages.push(.result(result))
                        }
                        continue
                    }
                    guard !lane.isIdle else { break }
                    try lane.finishOldest()
                }
            } catch {
                stop.request()
                messages.push(.fatal(error.message))
                for sequence in lane.abandon() { messages.push(.result(BatchRunner.dropped(sequence))) }
                // Every job still gets its (empty) result: the writer counts them.
                while let job = jobQueue.pop() { messages.push(.result(BatchRunner.dropped(job.sequence))) }
            }
            lane.worker.stop()
        }
        thread.start()
    }

    private static func dropped(_ sequence: Int) -> Result {
        Result(sequence: sequence, line: nil, errorKind: nil, pageBytes: 0, outputName: nil)
    }

    /// One batch thread's pages in its worker process: the page the worker
    /// cleans, and at most one more. The next page is sent ahead, into the
    /// pipe, while the worker cleans the one before it, so the worker goes
    /// from one page to the next without waiting for the batch (to read
    /// its record, take a job, write the page): with one page at a time it
    /// waited for the batch twice a page, and each wait could cost a
    /// scheduler's time slice on a busy machine.
    ///
    /// A page is sent ahead only when it fits the pipe beside the one in
    /// the worker (so the write never waits, and the batch goes on to read
    /// the answer), and its bytes are kept until the worker starts on it:
    /// if the worker dies first (on the page before), it is sent again to
    /// the next worker. A death is always the oldest page's: the worker
    /// reads a page only after answering the one before.
    private struct Lane {
        let worker: CleaningWorker
        let registry: WorkerRegistry
        let hardTimeLimit: UInt64?
        let notice: AddressScopedRulesNotice
        /// Where finished records go, each as soon as it is made (before a
        /// worker is started for the next page, which may fail).
        let deliver: (Result) -> Void

        private struct Pending {
            let sequence: Int
            let provenance: Provenance
            let name: String
            let pageBytes: Int
            let outputName: String?
            let size: Int
            /// The message, kept while the page may have to be sent again
            /// (nil once the worker has it and no resend can be needed).
            var page: CleaningWorker.Page?
            var sent: Bool
        }

        /// Oldest first; the first one has been sent.
        private var pending: [Pending] = []
        /// When the worker started on the oldest page, for its deadline.
        private var startedAt: UInt64 = 0

        init(
            worker: CleaningWorker, registry: WorkerRegistry, hardTimeLimit: UInt64?, notice: AddressScopedRulesNotice,
            deliver: @escaping (Result) -> Void
        ) {
            self.worker = worker
            self.registry = registry
            self.hardTimeLimit = hardTimeLimit
            self.notice = notice
            self.deliver = deliver
        }

        var isIdle: Bool { pending.isEmpty }
        var canTakeAnother: Bool { pending.count == 1 }

        /// Takes a job: a failure's record at once (returned), a page into
        /// the worker (now, or ahead), or held until the worker is free.
        mutating func take(_ job: inout Job) throws(CleaningWorker.StartFailure) -> Result? {
            switch job.work {
            case .handedOver:
                return BatchRunner.dropped(job.sequence)
            case .failure(let provenance, let error):
                return Result(
                    sequence: job.sequence, line: BatchRecord.error(provenance, kind: error.kind, message: error.message),
                    errorKind: error.kind, pageBytes: 0, outputName: job.outputName)
            case .page(var record):
                // The job lets go of the page; the lane holds it until the
                // worker has it.
                job.work = .handedOver
                let name = BatchRecord.displayName(record.provenance)
                let page = CleaningWorker.Page(
                    name: name, url: record.url, charset: record.charset, bytes: record.bytes,
                    head: BatchRecord.head(record.provenance))
                let pageBytes = record.bytes.count
                record.bytes = []
                pending.append(
                    Pending(
                        sequence: job.sequence, provenance: record.provenance, name: name, pageBytes: pageBytes,
                        outputName: job.outputName, size: page.size, page: page, sent: false))
                if pending.count == 1 {
                    try sendOldest()
                } else if worker.fitsAhead(pending[1].size, after: pending[0].size) {
                    // A failed write means the worker died; the oldest
                    // page's answer says so, and this one is sent again.
                    pending[1].sent = try worker.send(pending[1].page!)
                }
                return nil
            }
        }

        /// Waits for the oldest page's answer and delivers its record. A
        /// page that could not even be written to a worker that died is
        /// the page's own record too (as it was without sending ahead).
        mutating func finishOldest() throws(CleaningWorker.StartFailure) {
            let deadline = hardTimeLimit.map { startedAt + $0 }
            let outcome = pending[0].sent ? worker.receive(deadline: deadline) : .died(worker.ended())
            deliver(record(of: pending.removeFirst(), outcome))
            if registry.killedAll {
                // A second interrupt: no new worker for the page sent ahead.
                pending.forEach { deliver(BatchRunner.dropped($0.sequence)) }
                pending = []
            }
            if !pending.isEmpty {
                switch outcome {
                case .cleaned, .cleanedWithoutAddress:
                    // The worker goes on to the page sent ahead, or is free
                    // for the one held back.
                    if pending[0].sent {
                        startedAt = WorkerMessages.uptimeNanoseconds()
                        pending[0].page = nil
                    } else {
                        try sendOldest()
                    }
                default:
                    // The worker is gone: the next page goes to a new one.
                    pending[0].sent = false
                    try sendOldest()
                }
                if !pending.isEmpty, !pending[0].sent { try finishOldest() }
            }
        }

        /// The sequences of the pages not cleaned (no worker can start).
        mutating func abandon() -> [Int] {
            defer { pending = [] }
            return pending.map(\.sequence)
        }

        private mutating func sendOldest() throws(CleaningWorker.StartFailure) {
            startedAt = WorkerMessages.uptimeNanoseconds()
            pending[0].sent = try worker.send(pending[0].page!)
            pending[0].page = nil
        }

        private func record(of page: Pending, _ outcome: CleaningWorker.Outcome) -> Result {
            let line: [UInt8]
            var errorKind: String?
            let name = page.name
            switch outcome {
            case .cleaned(nil, let recordLine):
                line = recordLine
            case .cleanedWithoutAddress(let recordLine):
                notice.reportMissingAddress(name: name)
                line = recordLine
            case .cleaned(let kind?, let message):
                errorKind = kind
                line = BatchRecord.error(page.provenance, kind: kind, message: String(decoding: message, as: UTF8.self))
            case .died where registry.killedAll:
                // A second interrupt: the batch stops without this page.
                return BatchRunner.dropped(page.sequence)
            case .died(let how):
                errorKind = "internal"
                let message = "\(name): the worker cleaning this page \(how); this is a bug in Winnow ('winnow clean' on the page shows where)"
                printError(message)
                line = BatchRecord.error(page.provenance, kind: "internal", message: message)
            case .timedOut:
                errorKind = "time-limit"
                let seconds = hardTimeLimit.map { String(format: "%.1f", Double($0) / 1e9) } ?? "?"
                line = BatchRecord.error(
                    page.provenance, kind: "time-limit",
                    message: "\(name): still cleaning after \(seconds) s, inside a stage; its worker was stopped")
            }
            return Result(
                sequence: page.sequence, line: line, errorKind: errorKind, pageBytes: page.pageBytes,
                outputName: page.outputName)
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
